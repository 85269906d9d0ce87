"""The apps' arrows (pyproject.toml [tool.importlinter]) are checked by `make lint`; these
tests show the check passes on the tree and fails, naming the contract, on a wrong import.
And selectors stay usable by tasks and the API: none takes the request or answers HTTP."""

import ast
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ["core", "board", "datasets", "subgroups", "reviews", "reports", "api", "lscb"]
LINT_IMPORTS = str(Path(sys.executable).with_name("lint-imports"))


def lint_imports(cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [LINT_IMPORTS, "--no-cache"], cwd=cwd, capture_output=True, text=True, timeout=120
    )


def copy_of_the_tree(tmp_path: Path) -> Path:
    """Only the Python of our packages and the contracts: enough for import-linter."""
    skip = shutil.ignore_patterns("__pycache__", "templates", "static", "*.pyc")
    for package in PACKAGES:
        shutil.copytree(ROOT / package, tmp_path / package, ignore=skip)
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    return tmp_path


def test_the_tree_keeps_its_arrows():
    result = lint_imports(ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout


def test_board_importing_reports_breaks_the_layers_contract(tmp_path):
    tree = copy_of_the_tree(tmp_path)
    (tree / "board" / "wrong_way.py").write_text("import reports  # noqa: F401\n")
    result = lint_imports(tree)
    assert result.returncode != 0
    assert "Layers: core <- board" in result.stdout and "BROKEN" in result.stdout
    assert "board.wrong_way -> reports" in result.stdout


def test_reviews_importing_datasets_breaks_their_independence(tmp_path):
    tree = copy_of_the_tree(tmp_path)
    (tree / "reviews" / "wrong_way.py").write_text("from datasets import models  # noqa: F401\n")
    result = lint_imports(tree)
    assert result.returncode != 0
    assert "Reviews and datasets are independent" in result.stdout
    assert "reviews.wrong_way -> datasets" in result.stdout


def selector_modules() -> list[Path]:
    found = []
    for package in PACKAGES:
        found += (ROOT / package).rglob("selectors.py")
        found += (ROOT / package).rglob("selectors/*.py")
    return sorted(found)


HTTP_MODULES = {"django.http", "django.shortcuts", "rest_framework.exceptions"}


def answers_http(node: ast.ImportFrom) -> bool:
    names = {alias.name for alias in node.names}
    return node.module in HTTP_MODULES or (
        node.module == "django.core.exceptions" and "PermissionDenied" in names
    )


def http_in_selector(path: Path, root: Path = ROOT) -> list[str]:
    """Where a selector module takes a `request` or imports a page's answers (Http404,
    get_object_or_404, PermissionDenied): a task has no request and wants no 404."""
    tree = ast.parse(path.read_text(), filename=str(path))
    where = f"{path.relative_to(root)}:"
    problems = []
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            names = [a.arg for a in node.args.posonlyargs + node.args.args + node.args.kwonlyargs]
            if "request" in names:
                problems.append(f"{where}{node.lineno} {node.name}() takes the request")
        elif isinstance(node, ast.ImportFrom) and answers_http(node):
            problems.append(f"{where}{node.lineno} imports from {node.module}")
    return problems


def test_the_tree_has_selectors_to_check():
    assert ROOT / "reports" / "selectors.py" in selector_modules()


def test_no_selector_takes_the_request_or_answers_with_an_http_error():
    problems = [problem for path in selector_modules() for problem in http_in_selector(path)]
    assert problems == []


def test_a_selector_taking_the_request_is_named(tmp_path):
    module = tmp_path / "selectors.py"
    module.write_text(
        "from django.shortcuts import get_object_or_404\n\n"
        "def report_for(request, year):\n    return None\n"
    )
    problems = http_in_selector(module, root=tmp_path)
    assert problems == [
        "selectors.py:1 imports from django.shortcuts",
        "selectors.py:3 report_for() takes the request",
    ]


def test_a_child_deaths_import_of_case_reviews_breaks_the_one_arrow(tmp_path):
    tree = copy_of_the_tree(tmp_path)
    wrong = tree / "reviews" / "child_deaths" / "wrong_way.py"
    wrong.write_text("from reviews.case_reviews import models  # noqa: F401\n")
    result = lint_imports(tree)
    assert result.returncode != 0
    assert "The review apps are independent" in result.stdout
    assert "reviews.child_deaths.wrong_way -> reviews.case_reviews" in result.stdout


def test_assurance_importing_child_deaths_breaks_its_independence(tmp_path):
    tree = copy_of_the_tree(tmp_path)
    wrong = tree / "reviews" / "assurance" / "wrong_way.py"
    wrong.write_text("from reviews.child_deaths import models  # noqa: F401\n")
    result = lint_imports(tree)
    assert result.returncode != 0
    assert "The review apps are independent" in result.stdout
    assert "reviews.assurance.wrong_way -> reviews.child_deaths" in result.stdout
