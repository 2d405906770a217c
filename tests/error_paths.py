"""The error-path checks of `test_errors.py` (Part 1) and `test_errors_part2.py` (Part 2).

Each table row names a function both `pure` and `vectorized` define, its
arguments, the exception class and words its message must hold.
"""

from __future__ import annotations

from types import ModuleType
from typing import Any

import pytest

from nnfs_ref import pure, vectorized

#: (id, function, args, exception class, words the message must contain)
Case = tuple[str, str, tuple[Any, ...], type[Exception], list[str]]


def message(module: ModuleType, func: str, args: tuple[Any, ...], exc: type[Exception]) -> str:
    """The message of the exception `module.func(*args)` raises, which must be `exc` itself."""
    with pytest.raises(exc) as info:
        getattr(module, func)(*args)
    assert type(info.value) is exc  # exactly ValueError or TypeError, never a subclass
    return str(info.value)


def check_error_path(
    module: ModuleType,
    case: str,
    func: str,
    args: tuple[Any, ...],
    exc: type[Exception],
    words: list[str],
) -> None:
    """`exc`, with a message that names `func` first and holds every word."""
    text = message(module, func, args, exc)
    assert text.startswith(f"{func}: "), text
    for word in words:
        assert word in text, (case, text)


def check_same_message(func: str, args: tuple[Any, ...], exc: type[Exception]) -> None:
    """`pure` and `vectorized` say exactly the same thing."""
    assert message(pure, func, args, exc) == message(vectorized, func, args, exc)
