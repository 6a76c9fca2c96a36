"""Writes the small torch.save files that PtFileTest reads.

Run with a Python that has torch (Debian's python3-torch 1.13 made the committed files):
    /usr/bin/python3 tools/make_pt_fixtures.py src/test/resources/fixtures/pt
Values are simple closed forms (arange, fixed lists) so the test states them independently.
"""
import collections
import sys
from pathlib import Path

import torch


def state_dict_file(out: Path) -> None:
    base = torch.arange(6, dtype=torch.float32).reshape(2, 3)
    shared = torch.arange(10, dtype=torch.float32)
    sd = collections.OrderedDict()
    sd["weight"] = base
    sd["index"] = torch.tensor([1, -2, 3 ** 39], dtype=torch.int64)
    sd["half"] = torch.tensor([1.0, -2.5, 0.5, 65504.0], dtype=torch.float16)
    sd["bf16"] = torch.tensor([1.0, -2.5, 0.5, 3.0e38], dtype=torch.bfloat16)
    sd["transposed"] = base.t()  # saved with stride (1, 3): not contiguous
    sd["shared_tail"] = shared[4:7]  # a view at storage offset 4
    sd["shared_all"] = shared
    sd["double"] = torch.tensor([0.1, -1e300], dtype=torch.float64)
    sd["mask"] = torch.tensor([True, False, True])
    sd["scalar"] = torch.tensor(7, dtype=torch.int32)
    torch.save(sd, out / "state_dict.pt")


def checkpoint_file(out: Path) -> None:
    lin = torch.nn.Linear(3, 2)
    with torch.no_grad():
        lin.weight.copy_(torch.arange(6, dtype=torch.float32).reshape(2, 3) / 4)
        lin.bias.copy_(torch.tensor([-1.0, 1.0]))
    torch.save({"unet_state_dict": lin.state_dict(), "scale_factor": torch.tensor(1.0287),
                "epoch": 12, "lr": 1e-4}, out / "checkpoint.pt")


def parameter_file(out: Path) -> None:
    torch.save({"p": torch.nn.Parameter(torch.tensor([[1.0, 2.0], [3.0, 4.0]]))}, out / "parameter.pt")


if __name__ == "__main__":
    target = Path(sys.argv[1])
    target.mkdir(parents=True, exist_ok=True)
    state_dict_file(target)
    checkpoint_file(target)
    parameter_file(target)
