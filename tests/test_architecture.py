"""The apps' arrows (pyproject.toml [tool.importlinter]) are checked by `make lint`; these
tests show the check passes on the tree and fails, naming the contract, on a wrong import."""

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
