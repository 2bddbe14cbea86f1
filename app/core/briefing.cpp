#include "app/core/briefing.h"

namespace salon {

std::vector<std::string> briefingSections() {
  return {"basic", "health", "care_plan", "preferences", "recommendations", "visits", "pets"};
}

Briefing briefingOf(const Appointment& a, const CustomerFile& f, int noShows, const CivilDate& on) {
  Briefing b;
  b.appointment = a;
  b.name = f.summary.name;
  b.fileNo = f.summary.fileNo;
  b.member = !f.summary.memberNo.empty();
  b.noShows = noShows;
  auto v = [&](const char* key) { return f.field(key).value; };
  b.allergies = v("allergies");
  b.skinSensitivity = v("skin_sensitivity");
  b.illnesses = v("illnesses");
  b.medication = v("medication");
  b.careDevices = v("care_devices");
  b.careTechniques = v("care_techniques");
  b.careProducts = v("care_products");
  b.pressure = v("pressure");
  b.topics = v("topics");
  b.massageWishes = v("massage_wishes");
  b.recommendedItems = v("recommended_items");
  b.nextPushItems = v("next_push_items");
  if (!f.visits.empty()) {
    b.lastService = f.visits.front().service;
    b.lastEffect = f.visits.front().effect;
    b.lastStaff = f.visits.front().staff;
  }
  for (const Pet& p : f.pets) {
    if (a.pet && *a.pet != p.id) continue;
    b.pets.push_back({p.id, p.name, p.species, p.temperament, p.healthNotes, vaccinationWarnings(p.vaccinations, on)});
  }
  return b;
}

}  // namespace salon
