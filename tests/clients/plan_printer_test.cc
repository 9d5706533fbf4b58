#include "clients/plan_printer.h"

#include <gtest/gtest.h>

#include <sstream>

namespace renstra {
namespace {

v1::Node* AddNode(google::protobuf::RepeatedPtrField<v1::Node>* nodes, v1::Level level,
                  const std::string& code, const std::string& name) {
  v1::Node* node = nodes->Add();
  node->set_level(level);
  node->set_code(code);
  node->set_name(name);
  return node;
}

TEST(PlanPrinterTest, ANodeIsShownUnderThePlanHeadingAndItsAncestors) {
  v1::Plan plan;
  plan.set_agency("Dinas Sosial");
  plan.set_plan_id("plan/dinsos-dumai");
  plan.set_baseline_year(2021);
  plan.set_final_year(2026);
  plan.set_version(1324);
  v1::Node* program =
      AddNode(plan.mutable_programs(), v1::PROGRAM, "1.06.04", "PROGRAM REHABILITASI SOSIAL");
  v1::Node* kegiatan =
      AddNode(program->mutable_children(), v1::ACTIVITY, "1.06.04.2.01", "Rehabilitasi Sosial");
  v1::Node* sub = AddNode(kegiatan->mutable_children(), v1::SUB_ACTIVITY, "1.06.04.2.01.0001",
                          "Penyediaan Permakanan");
  sub->set_funding_total(350000000);
  std::ostringstream out;
  PrintNodeInPlan(plan, *sub, out);
  EXPECT_EQ(out.str(),
            "Renstra Dinas Sosial 2021-2026 (plan/dinsos-dumai, versi 1324)\n"
            "Perubahan ke-0 (sesuai dokumen yang diimpor); belum terkunci\n"
            "\n"
            "Program 1.06.04  PROGRAM REHABILITASI SOSIAL\n"
            "  Kegiatan 1.06.04.2.01  Rehabilitasi Sosial\n"
            "    Sub Kegiatan 1.06.04.2.01.0001  Penyediaan Permakanan\n"
            "      Penanggung jawab: -; pagu indikatif 2022-2026: Rp 350.000.000\n");
}

TEST(PlanPrinterTest, AProgramHasNoAncestors) {
  v1::Plan plan;
  plan.set_agency("Dinas Sosial");
  plan.set_plan_id("plan/dinsos-dumai");
  plan.set_baseline_year(2021);
  plan.set_final_year(2026);
  plan.set_version(7);
  plan.set_revision(1);
  plan.set_locked(true);
  v1::Node* program =
      AddNode(plan.mutable_programs(), v1::PROGRAM, "1.06.04", "PROGRAM REHABILITASI SOSIAL");
  std::ostringstream out;
  PrintNodeInPlan(plan, *program, out);
  EXPECT_EQ(out.str(),
            "Renstra Dinas Sosial 2021-2026 (plan/dinsos-dumai, versi 7)\n"
            "Perubahan ke-1; terkunci\n"
            "\n"
            "Program 1.06.04  PROGRAM REHABILITASI SOSIAL\n"
            "  Penanggung jawab: -; pagu indikatif 2022-2026: Rp 0\n");
}

}  // namespace
}  // namespace renstra
