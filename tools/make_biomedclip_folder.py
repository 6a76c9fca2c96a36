"""A tiny BiomedCLIP checkpoint folder laid out as microsoft/BiomedCLIP-PubMedBERT_256-vit_base_patch16_224
is on Hugging Face, built from the tiny tower fixtures so a loader can be checked against them.

Writes OUT_DIR/open_clip_pytorch_model.bin (torch.save of one state dict under open_clip's key
names, both towers, plus the entries a real checkpoint carries that scoring does not use:
logit_scale, BERT's position_ids buffer and pooler), open_clip_config.json (open_clip's
model_cfg / preprocess_cfg fields), config.json (the tiny BERT; the real folder has none and
PubMedBERT's sizes are Hugging Face's BERT defaults) and tokenizer.json (the tiny WordPiece).

Run with Debian's python3-torch from the repository root:
  /usr/bin/python3 tools/make_biomedclip_folder.py src/test/resources/fixtures/biomedclip_tiny_open_clip
"""
import collections
import json
import os
import shutil
import struct
import sys

import numpy as np
import torch

FIXTURES = "src/test/resources/fixtures"
TOKENIZER = "src/test/resources/tokenizers/bert-wordpiece-tiny.json"
CLIP_MEAN = [0.48145466, 0.4578275, 0.40821073]
CLIP_STD = [0.26862954, 0.26130258, 0.27577711]


def read_safetensors(path):
    """Tensors and the metadata of a little-endian F32/I64 safetensors file."""
    with open(path, "rb") as f:
        raw = f.read()
    n = struct.unpack("<Q", raw[:8])[0]
    header = json.loads(raw[8:8 + n])
    body = raw[8 + n:]
    meta = header.pop("__metadata__", {})
    tensors = {}
    for name, h in header.items():
        dtype = {"F32": "<f4", "I64": "<i8"}[h["dtype"]]
        a, b = h["data_offsets"]
        tensors[name] = torch.from_numpy(np.frombuffer(body[a:b], dtype=dtype).reshape(h["shape"]).copy())
    return tensors, meta


def main(out_dir):
    image, image_meta = read_safetensors(f"{FIXTURES}/biomedclip_image_tiny.weights.safetensors")
    text, text_meta = read_safetensors(f"{FIXTURES}/biomedclip_text_linear_tiny.weights.safetensors")
    vit = json.loads(image_meta["config"])
    tower = json.loads(text_meta["config"])
    bert = tower["text_config"]
    h = bert["hidden_size"]

    # An OrderedDict carrying _metadata, as nn.Module.state_dict() returns and open_clip saves it.
    state = collections.OrderedDict(image)
    state.update(text)
    state["logit_scale"] = torch.tensor(4.6052)
    state["text.transformer.embeddings.position_ids"] = torch.arange(bert["max_position_embeddings"]).unsqueeze(0)
    gen = torch.Generator().manual_seed(11)
    state["text.transformer.pooler.dense.weight"] = torch.randn(h, h, generator=gen)
    state["text.transformer.pooler.dense.bias"] = torch.randn(h, generator=gen)
    state._metadata = collections.OrderedDict((m, {"version": 1}) for m in ("", "visual", "visual.trunk", "text"))

    config = {
        "model_cfg": {
            "embed_dim": vit["embed_dim"],
            "vision_cfg": {
                # open_clip takes heads from the timm name; the tiny net's 4 heads of width 4 need head_width.
                "timm_model_name": f"vit_tiny_test_patch{vit['patch_size']}_{vit['image_size']}",
                "timm_model_pretrained": False,
                "timm_pool": "",
                "timm_proj": "linear",
                "image_size": vit["image_size"],
                "head_width": vit["width"] // vit["heads"],
            },
            "text_cfg": {
                "hf_model_name": "tiny-bert-for-tests",
                "hf_tokenizer_name": "tiny-bert-for-tests",
                "hf_proj_type": tower["hf_proj_type"],
                "hf_pooler_type": tower["hf_pooler_type"],
                "context_length": tower["context_length"],
            },
        },
        "preprocess_cfg": {"mean": CLIP_MEAN, "std": CLIP_STD},
    }
    os.makedirs(out_dir, exist_ok=True)
    torch.save(state, f"{out_dir}/open_clip_pytorch_model.bin")
    with open(f"{out_dir}/open_clip_config.json", "w") as f:
        json.dump(config, f, indent=4)
    with open(f"{out_dir}/config.json", "w") as f:
        json.dump(dict(bert, model_type="bert"), f, indent=2)
    shutil.copyfile(TOKENIZER, f"{out_dir}/tokenizer.json")


if __name__ == "__main__":
    main(sys.argv[1])
