# Install.cmake: what `cmake --install` puts where, and the Debian package
# `cpack` makes of it.
#
# Every installed name carries the LLVM major (CancelVerify-19.so,
# cancel-verify-19, lib/cmake/CancelVerify-19) because a plugin runs only in
# the LLVM it was built for, and a user may need both. The one exception is
# the `cancel-verify` link to the versioned program, in its own component so
# that the Debian packages of two LLVM versions do not both own it.
include(GNUInstallDirs)
include(CMakePackageConfigHelpers)

set(CANCELVERIFY_INSTALL_PLUGINDIR "${CMAKE_INSTALL_LIBDIR}/cancel-verify")
set(CANCELVERIFY_INSTALL_CMAKEDIR
  "${CMAKE_INSTALL_LIBDIR}/cmake/CancelVerify-${LLVM_VERSION_MAJOR}")
set(CANCELVERIFY_INSTALL_DOCDIR "${CMAKE_INSTALL_DATADIR}/doc/cancel-verify")

install(TARGETS CancelVerify
  LIBRARY DESTINATION "${CANCELVERIFY_INSTALL_PLUGINDIR}"
  COMPONENT Runtime)
# The program keeps its build-tree run path, LLVM's library directory.
install(PROGRAMS $<TARGET_FILE:cancel-verify>
  DESTINATION "${CMAKE_INSTALL_BINDIR}"
  RENAME cancel-verify-${LLVM_VERSION_MAJOR}
  COMPONENT Runtime)
install(CODE "
  file(CREATE_LINK cancel-verify-${LLVM_VERSION_MAJOR}
    \"\$ENV{DESTDIR}\${CMAKE_INSTALL_PREFIX}/${CMAKE_INSTALL_BINDIR}/cancel-verify\"
    SYMBOLIC)
  message(STATUS \"Installing: \$ENV{DESTDIR}\${CMAKE_INSTALL_PREFIX}/${CMAKE_INSTALL_BINDIR}/cancel-verify -> cancel-verify-${LLVM_VERSION_MAJOR}\")"
  COMPONENT UnversionedLink)
# The same for every LLVM version: a package of its own.
install(FILES include/cancel_verify.h
  DESTINATION "${CMAKE_INSTALL_INCLUDEDIR}"
  COMPONENT Common)
install(FILES README.md
  DESTINATION "${CANCELVERIFY_INSTALL_DOCDIR}"
  COMPONENT Common)
install(DIRECTORY docs/
  DESTINATION "${CANCELVERIFY_INSTALL_DOCDIR}/docs"
  COMPONENT Common
  FILES_MATCHING PATTERN "*.md")

configure_package_config_file(cmake/CancelVerifyConfig.cmake.in
  "${PROJECT_BINARY_DIR}/CancelVerifyConfig.cmake"
  INSTALL_DESTINATION "${CANCELVERIFY_INSTALL_CMAKEDIR}"
  PATH_VARS CANCELVERIFY_INSTALL_PLUGINDIR CMAKE_INSTALL_BINDIR
            CMAKE_INSTALL_INCLUDEDIR)
configure_file(cmake/CancelVerifyConfigVersion.cmake.in
  "${PROJECT_BINARY_DIR}/CancelVerifyConfigVersion.cmake" @ONLY)
install(FILES
  "${PROJECT_BINARY_DIR}/CancelVerifyConfig.cmake"
  "${PROJECT_BINARY_DIR}/CancelVerifyConfigVersion.cmake"
  cmake/CancelVerifyTarget.cmake
  DESTINATION "${CANCELVERIFY_INSTALL_CMAKEDIR}"
  COMPONENT Runtime)

# cpack: two Debian packages into /usr. cancel-verify-llvmN holds what
# belongs to one LLVM version (plugin, program, CMake package);
# cancel-verify-common the header and the documentation, which both
# versions' packages share, so that the two can be installed together. The
# unversioned link is left out for the same reason.
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME "cancel-verify")
set(CPACK_PACKAGE_VERSION "${PROJECT_VERSION}")
set(CPACK_PACKAGE_VENDOR "CancelVerify")
set(CPACK_PACKAGE_CONTACT "CancelVerify maintainers <cancel-verify@localhost>")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_DEB_COMPONENT_INSTALL ON)
set(CPACK_COMPONENTS_ALL Runtime Common)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION devel)

set(CPACK_DEBIAN_RUNTIME_PACKAGE_NAME "cancel-verify-llvm${LLVM_VERSION_MAJOR}")
set(CPACK_DEBIAN_RUNTIME_PACKAGE_DEPENDS
  "libllvm${LLVM_VERSION_MAJOR}, cancel-verify-common (= ${PROJECT_VERSION})")
set(CPACK_DEBIAN_RUNTIME_PACKAGE_RECOMMENDS "clang-${LLVM_VERSION_MAJOR}")
# dpkg-shlibdeps adds the C and C++ runtime versions the binaries need; CPack
# stops with an error when it or `file` is missing, so use it only when both
# are there and otherwise rely on the explicit dependencies above.
find_program(CANCELVERIFY_DPKG_SHLIBDEPS dpkg-shlibdeps)
find_program(CANCELVERIFY_FILE_PROGRAM file)
if(CANCELVERIFY_DPKG_SHLIBDEPS AND CANCELVERIFY_FILE_PROGRAM)
  set(CPACK_DEBIAN_RUNTIME_PACKAGE_SHLIBDEPS ON)
else()
  message(STATUS "cpack: dpkg-shlibdeps or file is missing (packages dpkg-dev, "
    "file); the .deb will list only libllvm${LLVM_VERSION_MAJOR} and "
    "cancel-verify-common as dependencies")
endif()
set(CPACK_COMPONENT_RUNTIME_DESCRIPTION
  "Cancellation-chain verifier for LLVM ${LLVM_VERSION_MAJOR}
 The clang/opt/lld pass plugin CancelVerify-${LLVM_VERSION_MAJOR}.so, the
 command-line verifier cancel-verify-${LLVM_VERSION_MAJOR} and the CMake
 package CancelVerify. It checks that every cancel handle is cancelled,
 deferred or handed on, and that every loop that can block observes
 cancellation.")

set(CPACK_DEBIAN_COMMON_PACKAGE_NAME "cancel-verify-common")
set(CPACK_DEBIAN_COMMON_PACKAGE_ARCHITECTURE all)
set(CPACK_COMPONENT_COMMON_DESCRIPTION
  "Cancellation-chain verifier: annotations header and documentation
 The header cancel_verify.h, whose macros annotate an API for CancelVerify,
 and the documentation, shared by the packages of every LLVM version.")
include(CPack)
