#pragma once
// 明天将来店的顾客的档案记录必须事前了解: before the day starts, staff read what
// matters from each booked customer's file — allergies and health, the care
// plan, preferences, what to recommend, the last visit's effect, pets'
// vaccinations — to plan at the morning meeting (上下班例会中讨论、定计划).
#include <string>
#include <vector>

#include "app/core/appointment.h"
#include "app/core/boarding.h"
#include "app/core/customer_file.h"

namespace salon {

struct PetBriefing {
  std::int64_t id = 0;
  std::string name;
  std::string species;
  std::string temperament;
  std::string healthNotes;
  std::vector<VaccinationWarning> warnings;
};

struct Briefing {
  Appointment appointment;
  std::string name;
  std::string fileNo;
  bool member = false;
  int noShows = 0;
  // health: allergies 过敏史 first; a file that states none says so.
  std::string allergies, skinSensitivity, illnesses, medication;
  std::string careDevices, careTechniques, careProducts;          // 护理方案
  std::string pressure, topics, massageWishes;                    // preferences
  std::string recommendedItems, nextPushItems;                    // 当次应主推的产品与项目
  std::string lastService, lastEffect, lastStaff;                 // the newest visit
  std::vector<PetBriefing> pets;                                  // the booked pet, or all
  bool healthAlert() const { return !allergies.empty() || !illnesses.empty() || !medication.empty(); }
};

// The sections a briefing reads; the view is audited with purpose "service".
std::vector<std::string> briefingSections();
Briefing briefingOf(const Appointment& a, const CustomerFile& file, int noShows, const CivilDate& on);

}  // namespace salon
