"""Fixtures of the decision-tree tests."""

import copy

import pytest
from tests.trees.tree_samples import SOUND_TREE


@pytest.fixture
def sound_tree():
    """A fresh, modifiable copy of a tree with no problem."""
    return copy.deepcopy(SOUND_TREE)
