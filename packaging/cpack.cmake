# Installation layout and CPack: `cpack -G DEB` in the build folder makes an
# installable .deb whose dependencies are worked out by dpkg-shlibdeps. The
# package passes lintian without overrides (tests/packaging/lintian.sh).
include(GNUInstallDirs)
install(FILES ${PROJECT_SOURCE_DIR}/packaging/mlwb.desktop
        DESTINATION ${CMAKE_INSTALL_DATADIR}/applications)
install(FILES ${PROJECT_SOURCE_DIR}/packaging/io.github.mlwb.metainfo.xml
        DESTINATION ${CMAKE_INSTALL_DATADIR}/metainfo)
install(FILES ${PROJECT_SOURCE_DIR}/resources/icons/mlwb.svg
        DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/scalable/apps)

# The man page and shell completion come from the built mlwb's command
# registry (`mlwb __manpage`, ...), so they can never drift from the code.
set(MLWB_GENERATED ${CMAKE_BINARY_DIR}/generated)
set(mlwb_generated_files ${MLWB_GENERATED}/mlwb.1.gz ${MLWB_GENERATED}/mlwb
    ${MLWB_GENERATED}/_mlwb ${MLWB_GENERATED}/changelog.gz)
add_custom_command(OUTPUT ${mlwb_generated_files} ${MLWB_GENERATED}/mlwb.1
  COMMAND ${CMAKE_COMMAND} -DMLWB=$<TARGET_FILE:mlwb> -DSOURCE=${PROJECT_SOURCE_DIR}
          -DOUT=${MLWB_GENERATED} -P ${PROJECT_SOURCE_DIR}/packaging/generate.cmake
  DEPENDS mlwb ${PROJECT_SOURCE_DIR}/packaging/generate.cmake
          ${PROJECT_SOURCE_DIR}/packaging/changelog
  COMMENT "Generating the man page and shell completion from mlwb's command registry")
add_custom_target(mlwb-generated ALL DEPENDS ${mlwb_generated_files})
# Rewrites the README's command table from the registry (a test checks it is current).
add_custom_target(readme-table
  COMMAND ${CMAKE_COMMAND} -DMLWB=$<TARGET_FILE:mlwb> -DREADME=${PROJECT_SOURCE_DIR}/README.md
          -DMODE=update -P ${PROJECT_SOURCE_DIR}/packaging/readmetable.cmake
  DEPENDS mlwb)

install(FILES ${MLWB_GENERATED}/mlwb.1.gz DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
install(FILES ${MLWB_GENERATED}/mlwb DESTINATION ${CMAKE_INSTALL_DATADIR}/bash-completion/completions)
install(FILES ${MLWB_GENERATED}/_mlwb DESTINATION ${CMAKE_INSTALL_DATADIR}/zsh/vendor-completions)
install(FILES ${MLWB_GENERATED}/changelog.gz ${PROJECT_SOURCE_DIR}/packaging/copyright
        DESTINATION ${CMAKE_INSTALL_DATADIR}/doc/mlwb)

# The changelog's newest entry is the package version: a release bumps both.
file(STRINGS ${PROJECT_SOURCE_DIR}/packaging/changelog changelog_top LIMIT_COUNT 1)
if(NOT changelog_top MATCHES "^mlwb \\(${PROJECT_VERSION}\\) ")
  message(FATAL_ERROR "packaging/changelog starts with '${changelog_top}', "
                      "not version ${PROJECT_VERSION}: add an entry for it")
endif()

# Who answers for the package; set it when packaging: -DMLWB_MAINTAINER="Name <address>".
set(MLWB_MAINTAINER "ML Workbench developers <maintainers@mlwb.github.io>"
    CACHE STRING "The Maintainer field of the .deb: Name <address>")

set(CPACK_PACKAGE_NAME mlwb)
set(CPACK_PACKAGE_VENDOR "ML Workbench developers")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "Azure ML workspace on your own machine and VMs")
# CPack puts the summary first itself; this is the extended description.
set(CPACK_DEBIAN_PACKAGE_DESCRIPTION "ML Workbench brings the Azure Machine Learning workspace to a local machine
and to Linux VMs reached over SSH. A desktop application shows compute
targets, datastores, experiments and their runs, models, environments,
images and deployments as one tree.
.
Training scripts run locally or on a VM and their logs and metrics arrive
live; runs go on when the window closes. Runs can be filtered, sorted and
compared in charts. The mlwb command line does everything the window does,
with JSON output for scripts.")
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_CONTACT "${MLWB_MAINTAINER}")
set(CPACK_DEBIAN_PACKAGE_MAINTAINER "${MLWB_MAINTAINER}")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_STRIP_FILES ON)
set(CPACK_DEBIAN_PACKAGE_SECTION science)
# Folders as Debian wants them (root-owned, 0755), whatever the builder's umask.
set(CPACK_INSTALL_DEFAULT_DIRECTORY_PERMISSIONS
    OWNER_READ OWNER_WRITE OWNER_EXECUTE GROUP_READ GROUP_EXECUTE WORLD_READ WORLD_EXECUTE)
# Loaded as plugins, so shlibdeps cannot see them; ssh and python3 are run as programs.
set(CPACK_DEBIAN_PACKAGE_DEPENDS
    "libqt6sql6-sqlite, qt6-qpa-plugins, libqt6svg6, python3, openssh-client")
# Qt's own dialog buttons in the user's language, when installed; QtKeychain
# reaches the desktop keychain through libsecret, which it loads at run time.
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "qt6-translations-l10n, libsecret-1-0")
set(CPACK_GENERATOR DEB)
include(CPack)
