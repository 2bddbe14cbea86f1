// The UI module; screens live beside this file.
namespace salon::ui {
const char* moduleName() { return "ui"; }
}  // namespace salon::ui
