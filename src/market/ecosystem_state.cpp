#include "market/ecosystem_state.hpp"

namespace mercator {

void EcosystemState::log_event(std::string market, std::string platform, std::string type,
                               std::string detail) {
  events.push_back(EventRecord{day, today.iso(), std::move(market), std::move(platform),
                               std::move(type), std::move(detail)});
}

}  // namespace mercator
