"""Facts are data, code is how to read them: no Python outside tests and migrations holds a drug
name as a value, and migrations import nothing from the project."""

import ast

from clinical.datafiles import ROOT
from tests.checker.knowledge import knowledge

PROJECT_PACKAGES = {"ldn_site", "clinical", "staff", "education", "checker", "checklist", "serving"}


def python_files():
    for path in sorted(ROOT.rglob("*.py")):
        parts = path.relative_to(ROOT).parts
        # scripts/ drive the site in benchmarks and drills, typing medicine names as tests do.
        if parts[0] in {".venv", "tests", "scripts", "node_modules"} or "migrations" in parts:
            continue
        yield path


def string_values(tree: ast.AST) -> set[str]:
    """Every string constant that is a value, not a docstring."""
    docstrings = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef):
            body = node.body
            if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
                docstrings.add(id(body[0].value))
    return {
        node.value
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and id(node) not in docstrings
    }


def test_no_python_outside_tests_and_migrations_holds_a_drug_name():
    data = knowledge().data
    # Names long enough not to be ordinary words ("opioid" is a group's slug, not a drug name).
    names = {row.name.casefold() for row in data.names if len(row.name) >= 6}
    names |= {row.name for row in data.ingredients if len(row.name) >= 6} - {"opioid", "alcohol"}
    found = {}
    for path in python_files():
        for value in string_values(ast.parse(path.read_text(encoding="utf-8"))):
            # A value that is a drug name; words inside sentences and reading grammar (the salts
            # the matcher strips) are how to read, not facts.
            if value.casefold().strip() in names:
                found.setdefault(str(path.relative_to(ROOT)), set()).add(value)
    assert found == {}


def test_migrations_import_nothing_from_the_project():
    imports = {}
    for path in sorted(ROOT.glob("*/migrations/*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            modules = []
            if isinstance(node, ast.Import):
                modules = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                modules = [node.module]
            for module in modules:
                if module.split(".")[0] in PROJECT_PACKAGES:
                    imports.setdefault(str(path.relative_to(ROOT)), []).append(module)
    assert imports == {}
