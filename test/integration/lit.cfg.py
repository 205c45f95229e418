# lit configuration for coop's integration suite: the CI recipes of
# docs/ci.md, coop-sarif, the Debian package and the editor setup. Tests are
# bash scripts (RUN lines run in a real shell) because they drive CMake, git,
# cpack and dpkg-deb the way users do. Paths come from lit.site.cfg.py, which
# CMake writes into the build tree.
import os
import shlex
import shutil
import subprocess

import lit.formats

config.name = "coop-integration"
config.test_format = lit.formats.ShTest(execute_external=True)
config.suffixes = [".test"]
config.excludes = ["Inputs", "tools", "CMakeLists.txt", "lit.cfg.py"]
config.test_source_root = os.path.dirname(__file__)
config.test_exec_root = os.path.join(config.coop_build_dir, "test", "integration")

# Tests see LLVM's tools first, and nothing of the user's own git, CMake or
# pre-commit configuration.
config.environment["PATH"] = os.pathsep.join(
    [config.llvm_bin_dir, config.environment.get("PATH", os.environ["PATH"])])
home = os.path.join(config.test_exec_root, "home")
os.makedirs(home, exist_ok=True)
config.environment.update({
    "HOME": home,
    "XDG_CONFIG_HOME": home,
    "GIT_CONFIG_NOSYSTEM": "1",
    "GIT_AUTHOR_NAME": "coop test", "GIT_AUTHOR_EMAIL": "test@coop.invalid",
    "GIT_COMMITTER_NAME": "coop test", "GIT_COMMITTER_EMAIL": "test@coop.invalid",
    "PRE_COMMIT_HOME": os.path.join(home, "pre-commit"),
    "CMAKE_GENERATOR": config.cmake_generator,
})

q = shlex.quote
python = q(config.python_executable)
here = config.test_source_root
tools = os.path.join(here, "tools")
src = config.coop_source_dir
config.substitutions += [
    ("%coop_tidy", q(config.coop_tidy)),
    ("%coop_plugin", q(config.coop_plugin)),
    ("%coop_clangd", q(config.coop_clangd)),
    ("%coop_sarif", "%s %s" % (python, q(os.path.join(src, "scripts", "coop-sarif")))),
    ("%coop_pre_commit", q(os.path.join(src, "scripts", "coop-pre-commit"))),
    ("%clang_tidy_diff", "%s %s" % (python, q(os.path.join(
        config.llvm_root, "share", "clang", "clang-tidy-diff.py")))),
    ("%run_clang_tidy", "%s %s" % (python, q(os.path.join(config.llvm_bin_dir, "run-clang-tidy")))),
    ("%clang_tidy", q(os.path.join(config.llvm_bin_dir, "clang-tidy"))),
    ("%cmake", q(config.cmake)),
    ("%cpack", q(config.cpack)),
    ("%sarif_schema", q(os.path.join(src, "test", "sarif", "sarif-schema-2.1.0.json"))),
    ("%validate_sarif", "%s %s" % (python, q(os.path.join(tools, "validate_sarif.py")))),
    ("%sarif_summary", "%s %s" % (python, q(os.path.join(tools, "sarif_summary.py")))),
    # A recipe of the docs, run with this build's plugin and tools.
    ("%recipe", " ".join([python, q(os.path.join(tools, "recipe.py")),
                          "--plugin", q(config.coop_plugin),
                          "--path", q(os.path.join(src, "scripts")),
                          "--path", q(os.path.dirname(config.coop_tidy))])),
    ("%check_deb", "%s %s" % (python, q(os.path.join(tools, "check_deb.py")))),
    # What users have on PATH once coop is installed: coop-tidy, coop-sarif,
    # coop-pre-commit.
    ("%coop_path", os.pathsep.join([q(os.path.join(src, "scripts")),
                                    q(os.path.dirname(config.coop_tidy))])),
    ("%libdir", config.install_libdir),
    ("%coop_src", q(src)),
    ("%coop_build", q(config.coop_build_dir)),
    ("%python", python),
]

config.available_features.add("llvm-%s" % config.llvm_version_major)
if config.coop_clangd:
    config.available_features.add("coop-clangd")
if config.coop_has_library:
    config.available_features.add("coop-library")
for tool in ("git", "pre-commit", "dpkg-deb", "pkg-config"):
    if shutil.which(tool, path=config.environment["PATH"]):
        config.available_features.add(tool)
if subprocess.call([config.python_executable, "-c", "import jsonschema, yaml"],
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL) == 0:
    config.available_features.add("jsonschema")
