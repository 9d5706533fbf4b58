#include "domain/predikat.h"

namespace renstra {

std::string PredikatOf(const PredikatScale& scale, const Ratio& ratio) {
  if (!ratio.computable()) return "";
  for (const PredikatBand& band : scale.bands) {
    if (!band.above.has_value() || ratio.value() > *band.above) return band.name;
  }
  return "";
}

}  // namespace renstra
