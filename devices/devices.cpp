// The devices module; its parts live in escpos/, transports/, readers/.
namespace salon::devices {
const char* moduleName() { return "devices"; }
}  // namespace salon::devices
