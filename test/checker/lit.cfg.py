# lit configuration for coop's checker tests. Paths to what the build produced
# come from lit.site.cfg.py, which CMake writes into the build tree.
import os
import shlex

import lit.formats

config.name = "coop-checker"
config.test_format = lit.formats.ShTest(execute_external=False)
config.suffixes = [".c", ".cpp", ".test"]
config.excludes = ["Inputs", "tools", "CMakeLists.txt", "lit.cfg.py"]
config.test_source_root = os.path.dirname(__file__)
config.test_exec_root = os.path.join(config.coop_build_dir, "test", "checker")

config.environment["PATH"] = os.pathsep.join(
    [config.llvm_bin_dir, config.environment.get("PATH", os.environ["PATH"])])

python = shlex.quote(config.python_executable)
tools = os.path.join(config.test_source_root, "tools")
plugin_runner = "%s --load=%s" % (config.clang_tidy, config.coop_plugin)
runners = [("plugin", plugin_runner), ("coop-tidy", config.coop_tidy)]
# COOP_LIT_RUNNERS=coop-tidy (for instance) narrows a debugging session.
only = os.environ.get("COOP_LIT_RUNNERS")
if only:
    runners = [r for r in runners if r[0] in only.split(",")]

check_coop = " ".join(
    [python, shlex.quote(os.path.join(tools, "check_coop.py"))]
    + ["--runner=%s" % shlex.quote("%s=%s" % r) for r in runners]
    + ["--filecheck=" + shlex.quote(config.filecheck),
       "--cc=" + shlex.quote(config.clang_c),
       "--cxx=" + shlex.quote(config.clang_cxx),
       "--coop-include=" + shlex.quote(config.coop_include_dir)])

config.substitutions += [
    ("%check_coop", check_coop),
    ("%coop_tidy", shlex.quote(config.coop_tidy)),
    ("%coop_clangd", shlex.quote(config.coop_clangd)),
    ("%coop_plugin", shlex.quote(config.coop_plugin)),
    ("%clang_tidy", shlex.quote(config.clang_tidy)),
    ("%clang_cxx", shlex.quote(config.clang_cxx)),
    ("%clang_c", shlex.quote(config.clang_c)),
    ("%coop_include", shlex.quote(config.coop_include_dir)),
    ("%coop_src", shlex.quote(config.coop_source_dir)),
    ("%coop_build", shlex.quote(config.coop_build_dir)),
    ("%python", python),
    ("%lsp_client", "%s %s" % (python, shlex.quote(os.path.join(tools, "lsp_client.py")))),
]
config.available_features.add("llvm-%s" % config.llvm_version_major)
if config.coop_clangd:
    config.available_features.add("coop-clangd")
