#!/usr/bin/env python3
"""Run (or print) a recipe from coop's docs exactly as it is written there.

  recipe.py [options] <doc.md> <recipe> [<step-or-job>...]

A recipe is the fenced code block that follows a marker line in the doc:

  <!-- recipe: github-actions -->
  ```yaml
  ...
  ```

so the tests run what users copy, not a paraphrase of it. The installed
plugin path the docs use (/usr/lib/coop/CoopTidyPlugin.so) is replaced by
--plugin, and --path directories are put in front of PATH (where coop-tidy,
coop-sarif and coop-pre-commit come from in a build tree). Then:

  --print          print the block (to write a .clangd or a CMake include);
  yaml with jobs:  a GitHub Actions workflow: run the `run:` scripts of the
                   steps with the given ids, in order, with the workflow's,
                   job's and step's `env:` in GitHub's default shell (bash
                   -e); a failing step fails the job and
                   skips later steps unless their `if:` contains always();
  other yaml:      a .gitlab-ci.yml: run the job's `script:` lines, then its
                   `after_script:`, with its `variables:`;
  sh:              run the block with bash -e -o pipefail.

Exit status: that of the job or script (0, or 1 if anything failed).
--env NAME=VALUE overrides a variable the recipe sets (an install path).
"""
import argparse
import os
import re
import subprocess
import sys

import yaml

INSTALLED_PLUGIN = "/usr/lib/coop/CoopTidyPlugin.so"


def find_block(doc, name):
    with open(doc, encoding="utf-8") as f:
        text = f.read()
    marker = re.search(r"^<!-- recipe: %s -->\s*\n```(\w*)\n(.*?)^```" % re.escape(name),
                       text, re.M | re.S)
    if not marker:
        sys.exit("recipe.py: no recipe '%s' in %s" % (name, doc))
    return marker.group(1), marker.group(2)


# How each runner starts a script: GitHub's default `run:` shell on Linux is
# `bash -e {0}` (no pipefail); GitLab's bash executor and a pasted shell block
# stop at the first failing command of a pipeline too.
GITHUB_SHELL = ["bash", "-e", "-c"]
STRICT_SHELL = ["bash", "-e", "-o", "pipefail", "-c"]


def run_script(script, env, cwd, label, shell=STRICT_SHELL):
    print("recipe.py: running %s" % label, flush=True)
    return subprocess.call(shell + [script], env=env, cwd=cwd)


def strings(mapping):
    return {str(k): str(v) for k, v in (mapping or {}).items()}


def run_github(workflow, step_ids, env, cwd, overrides):
    if len(workflow["jobs"]) != 1:
        sys.exit("recipe.py: expected one job in the workflow")
    job = next(iter(workflow["jobs"].values()))
    steps = {s.get("id"): s for s in job["steps"] if s.get("id")}
    failed = False
    for step_id in step_ids:
        step = steps.get(step_id)
        if step is None or "run" not in step:
            sys.exit("recipe.py: the workflow has no run step with id '%s'" % step_id)
        if failed and "always()" not in str(step.get("if", "")):
            print("recipe.py: skipping step %s after a failure" % step_id)
            continue
        step_env = dict(env)
        for scope in (workflow.get("env"), job.get("env"), step.get("env")):
            step_env.update(strings(scope))
        step_env.update(overrides)
        if run_script(step["run"], step_env, cwd, "step " + step_id, GITHUB_SHELL) != 0:
            failed = True
    return 1 if failed else 0


def run_gitlab(pipeline, job_names, env, cwd, overrides):
    status = 0
    for name in job_names:
        job = pipeline.get(name)
        if not isinstance(job, dict) or "script" not in job:
            sys.exit("recipe.py: the pipeline has no job '%s'" % name)
        job_env = dict(env)
        job_env.update(strings(pipeline.get("variables")))
        job_env.update(strings(job.get("variables")))
        job_env.update(overrides)
        # GitLab runs the script lines in one shell and stops at the first
        # failure; after_script runs in a new shell whatever happened.
        if run_script("\n".join(job["script"]), job_env, cwd, "job %s" % name) != 0:
            status = 1
        if job.get("after_script"):
            run_script("\n".join(job["after_script"]), job_env, cwd,
                       "after_script of %s" % name)
    return status


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--plugin", help="the CoopTidyPlugin.so to use instead of the installed one")
    parser.add_argument("--path", action="append", default=[],
                        help="a directory to put in front of PATH")
    parser.add_argument("--env", action="append", default=[], metavar="NAME=VALUE")
    parser.add_argument("--cwd", default=os.getcwd())
    parser.add_argument("--print", action="store_true")
    parser.add_argument("doc")
    parser.add_argument("recipe")
    parser.add_argument("select", nargs="*")
    args = parser.parse_args()

    language, block = find_block(args.doc, args.recipe)
    if args.plugin:
        block = block.replace(INSTALLED_PLUGIN, args.plugin)
    if args.print:
        sys.stdout.write(block)
        return 0
    env = dict(os.environ)
    env["PATH"] = os.pathsep.join(args.path + [env.get("PATH", "")])
    overrides = dict(item.split("=", 1) for item in args.env)
    if language == "yaml":
        document = yaml.safe_load(block)
        if "jobs" in document:
            return run_github(document, args.select, env, args.cwd, overrides)
        return run_gitlab(document, args.select, env, args.cwd, overrides)
    env.update(overrides)
    return run_script(block, env, args.cwd, "recipe " + args.recipe)


if __name__ == "__main__":
    sys.exit(main())
