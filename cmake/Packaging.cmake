# The Debian package: `cpack -G DEB` in a build directory (after building it)
# writes coop_<version>_<arch>.deb with everything `cmake --install` puts in
# place — the plugin, coop-tidy, coop-clangd, the library's headers, archive,
# CMake package and coop.pc — plus the tools and docs installed below.
# Nothing here runs during `cmake --build`; test/integration/package runs cpack.

# ---- what the package adds to the install tree ---------------------------------
# coop-sarif reads the check pages from ../share/doc/coop/checks, relative to
# itself, so the two are installed together.
install(PROGRAMS scripts/coop-sarif scripts/coop-pre-commit
        DESTINATION ${CMAKE_INSTALL_BINDIR})
install(DIRECTORY docs/ DESTINATION ${CMAKE_INSTALL_DOCDIR})
install(FILES README.md DESTINATION ${CMAKE_INSTALL_DOCDIR})
# The sample configurations users copy: every option of every check, and the
# .clangd that lets coop-clangd run coop's checks.
install(FILES examples/.clang-tidy examples/.clangd
        DESTINATION ${CMAKE_INSTALL_DOCDIR}/examples)

# ---- the .deb -------------------------------------------------------------------
set(COOP_PACKAGE_CONTACT "coop maintainers <maintainers@coop.invalid>" CACHE STRING
    "Maintainer field of the Debian package")

set(CPACK_GENERATOR "DEB")
set(CPACK_PACKAGE_NAME "coop")
set(CPACK_PACKAGE_VERSION "${PROJECT_VERSION}")
set(CPACK_PACKAGE_CONTACT "${COOP_PACKAGE_CONTACT}")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY
    "clang-tidy checks for unsafe thread termination, and a cooperative-cancellation library")
set(CPACK_PACKAGE_DESCRIPTION
    "coop finds code that kills threads (pthread_cancel, TerminateThread, terminating
signals, detached infinite loops, unbounded waits) and points at, or applies,
the cooperative replacement from its C++17/C11 library. It ships a plugin for
clang-tidy --load, coop-tidy (clang-tidy with the checks built in), coop-clangd
(clangd with the checks built in, for editors), coop-sarif (SARIF for code
scanning), a pre-commit hook, and the library with its CMake package and
pkg-config file.")
# Debian packages live under /usr whatever prefix the build was configured with;
# every install rule uses a relative destination, so this is where they land.
set(CPACK_PACKAGING_INSTALL_PREFIX "/usr")
set(CPACK_STRIP_FILES ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION "devel")
set(CPACK_DEBIAN_PACKAGE_PRIORITY "optional")
# Shared-library dependencies (libclang-cpp, libLLVM, gRPC and protobuf for
# coop-clangd, libstdc++) are read from the binaries by dpkg-shlibdeps. The
# rest are not visible in the binaries: the plugin links nothing of LLVM's and
# runs inside the clang-tidy of the LLVM it was built against; coop-tidy and
# coop-clangd find the compiler's builtin headers (<stddef.h>, ...) in
# /usr/lib/clang/<N>, which libclang-common-<N>-dev installs; coop-sarif needs
# Python with PyYAML.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(coop_package_depends "python3, python3-yaml")
if(COOP_BUILD_CHECKER AND COOP_LLVM_VERSION_MAJOR)
  string(PREPEND coop_package_depends
         "clang-tidy-${COOP_LLVM_VERSION_MAJOR}, libclang-common-${COOP_LLVM_VERSION_MAJOR}-dev, ")
endif()
set(CPACK_DEBIAN_PACKAGE_DEPENDS "${coop_package_depends}")
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "cmake, pkg-config, git")

include(CPack)
