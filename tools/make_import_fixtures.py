"""Writes the small checkpoints the importer tests read, in the layouts of the published files.

Run with a Python that has torch (Debian's python3-torch made the committed files):
    /usr/bin/python3 tools/make_import_fixtures.py src/test/resources/fixtures import
The tiny MONAI-keyed fixtures (maisi_vae_tiny, text2ct_unet_tiny) are shrunk in every channel
dimension (VAE by 2, UNet by 4) and saved as float16 so each output stays under 200 KB; the shrunk
configs are written beside them.
The values are the fixtures' leading slices, which is all an importer test needs: real key names
and shapes that a strict network build must accept.
"""
import collections
import json
import struct
import sys
from pathlib import Path

import torch

# Channel sizes in the fixtures that shrink; 1, 3, 4 (image, kernel, latent) and 12 (text) stay.
SHRUNK = {8, 16, 24, 32, 64, 128}


def read_safetensors(path: Path):
    raw = path.read_bytes()
    n = struct.unpack("<Q", raw[:8])[0]
    header = json.loads(raw[8:8 + n])
    meta = header.pop("__metadata__", {})
    tensors = collections.OrderedDict()
    for name, entry in header.items():
        assert entry["dtype"] == "F32", name
        begin, end = entry["data_offsets"]
        values = torch.frombuffer(bytearray(raw[8 + n + begin:8 + n + end]), dtype=torch.float32)
        tensors[name] = values.reshape(entry["shape"])
    return tensors, json.loads(meta["config"])


def shrink(tensors, factor):
    out = collections.OrderedDict()
    for name, t in tensors.items():
        for dim, size in enumerate(t.shape):
            if size in SHRUNK:
                t = t.narrow(dim, 0, size // factor)
        out[name] = t.contiguous().to(torch.float16)
    return out


def main(fixtures: Path, out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)

    vae, vae_config = read_safetensors(fixtures / "maisi_vae_tiny.weights.safetensors")
    vae_config["num_channels"] = [c // 2 for c in vae_config["num_channels"]]
    small_vae = shrink(vae, 2)
    (out / "vae_tiny.config.json").write_text(json.dumps(vae_config, indent=2) + "\n")
    # autoencoder_epoch273.pt is a plain state dict; training scripts often save
    # {"state_dict": model.state_dict()} of a DataParallel model instead.
    torch.save(small_vae, out / "vae_tiny_plain.pt")
    wrapped = collections.OrderedDict(("module." + k, v) for k, v in small_vae.items())
    torch.save({"state_dict": wrapped, "epoch": 273}, out / "vae_tiny_wrapped.pt")

    unet, unet_config = read_safetensors(fixtures / "text2ct_unet_tiny.weights.safetensors")
    for key in ("num_channels", "num_head_channels"):
        unet_config[key] = [c // 4 for c in unet_config[key]]
    unet_config["num_class_embeds"] //= 4
    unet_config["norm_num_groups"] = 2
    (out / "unet_tiny.config.json").write_text(json.dumps(unet_config, indent=2) + "\n")
    # The MAISI diffusion checkpoint layout.
    torch.save({"unet_state_dict": shrink(unet, 4), "epoch": 10,
                "scale_factor": torch.tensor(1.0287, dtype=torch.float32)}, out / "unet_tiny.pt")


def t5_bin_folder(fixtures: Path, out: Path) -> None:
    """A Hugging Face T5 folder as older uploads have it: pytorch_model.bin instead of safetensors."""
    folder = out / "t5_tiny_bin"
    folder.mkdir(parents=True, exist_ok=True)
    t5, config = read_safetensors(fixtures / "t5_relu_tiny.weights.safetensors")
    t5["decoder.block.0.layer.0.SelfAttention.q.weight"] = torch.ones(16, 16)
    t5["lm_head.weight"] = torch.ones(120, 16)
    torch.save(t5, folder / "pytorch_model.bin")
    config["model_type"] = "t5"
    (folder / "config.json").write_text(json.dumps(config, indent=2) + "\n")
    (folder / "tokenizer.json").write_text('{"version": "1.0", "model": {"type": "Unigram", "vocab": [["<pad>", 0.0]]}}\n')


if __name__ == "__main__":
    fixtures_dir = Path(sys.argv[1])
    main(fixtures_dir, fixtures_dir / sys.argv[2])
    t5_bin_folder(fixtures_dir, fixtures_dir / sys.argv[2])
