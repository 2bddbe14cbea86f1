# `cpack -G DEB` in the build directory: a .deb with the kiosk, its systemd unit,
# the kiosk X session and the udev rules for printers and card readers.
# Included from the top-level CMakeLists.txt after the salon-kiosk target.
include(GNUInstallDirs)

install(TARGETS salon-kiosk RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR} COMPONENT kiosk)
install(FILES ${PROJECT_SOURCE_DIR}/packaging/salon-kiosk.service
        DESTINATION lib/systemd/system COMPONENT kiosk)
install(FILES ${PROJECT_SOURCE_DIR}/packaging/udev/99-salon-kiosk.rules
        DESTINATION lib/udev/rules.d COMPONENT kiosk)
install(FILES ${PROJECT_SOURCE_DIR}/packaging/kiosk-session/salon-kiosk.desktop
        DESTINATION ${CMAKE_INSTALL_DATAROOTDIR}/xsessions COMPONENT kiosk)
install(PROGRAMS ${PROJECT_SOURCE_DIR}/packaging/kiosk-session/kiosk-session
        DESTINATION lib/salon-kiosk COMPONENT kiosk)
install(FILES ${PROJECT_SOURCE_DIR}/README.md
        DESTINATION ${CMAKE_INSTALL_DATAROOTDIR}/doc/salon-kiosk COMPONENT kiosk)

# The head office: its own .deb (component hq), salon-hq with its systemd unit.
if(TARGET salon-hq)
  install(TARGETS salon-hq RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR} COMPONENT hq)
  install(FILES ${PROJECT_SOURCE_DIR}/packaging/salon-hq.service DESTINATION lib/systemd/system COMPONENT hq)
  install(FILES ${PROJECT_SOURCE_DIR}/app/hq/PROTOCOL.md DESTINATION ${CMAKE_INSTALL_DATAROOTDIR}/doc/salon-hq COMPONENT hq)
endif()

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME salon-kiosk)
set(CPACK_PACKAGE_VENDOR "Salon Kiosk")
set(CPACK_PACKAGE_CONTACT "Salon Kiosk maintainers <kiosk@example.invalid>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "Touchscreen point of sale and customer files for beauty salons and pet groomers")
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION misc)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
# Shared libraries found by dpkg-shlibdeps, plus what the binary needs at run time
# without linking it (fonts, the user tools of postinst, X for the session, the
# pinyin schema the on-screen keyboard loads from /usr/share/rime-data, whose
# package brings rime-data-stroke with it). `lp` for cups: printers is a
# recommendation: a kiosk on a network or USB printer does without it.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS
    "libsdl2-2.0-0, libglfw3, libqrencode4, libpng16-16, libgl1, fonts-wqy-microhei, adduser, rime-data-luna-pinyin")
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "x11-xserver-utils, lightdm, cups-client")
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "cryptsetup")
set(CPACK_DEBIAN_PACKAGE_CONTROL_EXTRA
    ${PROJECT_SOURCE_DIR}/packaging/debian/postinst
    ${PROJECT_SOURCE_DIR}/packaging/debian/postrm)
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION TRUE)
# One .deb per component: salon-kiosk (kiosk) and salon-hq (hq).
set(CPACK_DEB_COMPONENT_INSTALL ON)
set(CPACK_DEBIAN_KIOSK_PACKAGE_NAME salon-kiosk)
set(CPACK_DEBIAN_HQ_PACKAGE_NAME salon-hq)
set(CPACK_DEBIAN_HQ_DESCRIPTION "salon-hq, the head office of a salon chain: stores sync to PostgreSQL over HTTPS")
set(CPACK_DEBIAN_HQ_PACKAGE_DEPENDS "adduser")
set(CPACK_DEBIAN_HQ_PACKAGE_RECOMMENDS "postgresql-15")
set(CPACK_DEBIAN_HQ_PACKAGE_SUGGESTS "")
set(CPACK_DEBIAN_HQ_PACKAGE_CONTROL_EXTRA ${PROJECT_SOURCE_DIR}/packaging/debian-hq/postinst)
include(CPack)
