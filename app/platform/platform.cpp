// The platform module; windows live beside this file.
namespace salon::platform {
const char* moduleName() { return "platform"; }
}  // namespace salon::platform
