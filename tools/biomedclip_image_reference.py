"""Known-answer files for BiomedCLIP's image tower (org.text2ct.model.features.VisionTransformer).

An independent plain-torch reference (no timm / open_clip needed), written from the semantics of
timm's VisionTransformer as open_clip's TimmModel builds it for BiomedCLIP (vit_base_patch16_224,
timm_pool "" so the trunk keeps its class-token pooling, timm_proj "linear" with proj_bias False):
  patch_embed.proj (conv, stride = patch) -> flatten -> [cls_token; patches] + pos_embed
  -> blocks: x + attn.proj(MHA(qkv(norm1(x)))), x + mlp.fc2(GELU_erf(mlp.fc1(norm2(x))))
  -> norm -> class token -> visual.head.proj (no bias).
LayerNorm eps 1e-6; attention scale head_dim^-0.5; fused qkv rows ordered q, k, v, heads contiguous.
Random tiny weights under open_clip's state-dict names ("visual.trunk....", "visual.head.proj.weight").

Run with Debian's python3-torch:  /usr/bin/python3 tools/biomedclip_image_reference.py OUT_DIR
Writes OUT_DIR/biomedclip_image_tiny.{weights,io}.safetensors.
"""
import json
import sys

import torch
import torch.nn.functional as F

from biomedclip_text_reference import write_safetensors

# embed_dim 12 matches the tiny text tower fixture (biomedclip_text_*_tiny), so the two towers pair up in tests.
CFG = {"image_size": 32, "patch_size": 8, "width": 16, "layers": 2, "heads": 4, "mlp_dim": 64, "embed_dim": 12}
EPS = 1e-6


def weights(c):
    g = torch.Generator().manual_seed(11)
    r = lambda *s, std=0.2: torch.randn(*s, generator=g) * std
    w, n = {}, (c["image_size"] // c["patch_size"]) ** 2
    d, t = c["width"], "visual.trunk."
    w[t + "patch_embed.proj.weight"] = r(d, 3, c["patch_size"], c["patch_size"])
    w[t + "patch_embed.proj.bias"] = r(d)
    w[t + "cls_token"] = r(1, 1, d)
    w[t + "pos_embed"] = r(1, n + 1, d)
    for i in range(c["layers"]):
        b = f"{t}blocks.{i}."
        for norm in ("norm1", "norm2"):
            w[b + norm + ".weight"] = 1 + r(d, std=0.1)
            w[b + norm + ".bias"] = r(d, std=0.1)
        w[b + "attn.qkv.weight"], w[b + "attn.qkv.bias"] = r(3 * d, d), r(3 * d)
        w[b + "attn.proj.weight"], w[b + "attn.proj.bias"] = r(d, d), r(d)
        w[b + "mlp.fc1.weight"], w[b + "mlp.fc1.bias"] = r(c["mlp_dim"], d), r(c["mlp_dim"])
        w[b + "mlp.fc2.weight"], w[b + "mlp.fc2.bias"] = r(d, c["mlp_dim"]), r(d)
    w[t + "norm.weight"], w[t + "norm.bias"] = 1 + r(d, std=0.1), r(d, std=0.1)
    w["visual.head.proj.weight"] = r(c["embed_dim"], d)
    return w


def attention(x, w, b, heads):
    bsz, n, d = x.shape
    qkv = F.linear(x, w[b + "attn.qkv.weight"], w[b + "attn.qkv.bias"])
    q, k, v = qkv.reshape(bsz, n, 3, heads, d // heads).permute(2, 0, 3, 1, 4)
    att = (q @ k.transpose(-2, -1)) * (d // heads) ** -0.5
    o = (att.softmax(-1) @ v).transpose(1, 2).reshape(bsz, n, d)
    return F.linear(o, w[b + "attn.proj.weight"], w[b + "attn.proj.bias"])


def embed(images, w, c):
    t, d = "visual.trunk.", c["width"]
    x = F.conv2d(images, w[t + "patch_embed.proj.weight"], w[t + "patch_embed.proj.bias"], stride=c["patch_size"])
    x = x.flatten(2).transpose(1, 2)
    x = torch.cat([w[t + "cls_token"].expand(x.shape[0], -1, -1), x], 1) + w[t + "pos_embed"]
    for i in range(c["layers"]):
        b = f"{t}blocks.{i}."
        x = x + attention(F.layer_norm(x, (d,), w[b + "norm1.weight"], w[b + "norm1.bias"], EPS), w, b, c["heads"])
        h = F.layer_norm(x, (d,), w[b + "norm2.weight"], w[b + "norm2.bias"], EPS)
        h = F.linear(F.gelu(F.linear(h, w[b + "mlp.fc1.weight"], w[b + "mlp.fc1.bias"])),
                     w[b + "mlp.fc2.weight"], w[b + "mlp.fc2.bias"])
        x = x + h
    x = F.layer_norm(x, (d,), w[t + "norm.weight"], w[t + "norm.bias"], EPS)
    return F.linear(x[:, 0], w["visual.head.proj.weight"])


def main(out_dir):
    w = weights(CFG)
    images = torch.randn(3, 3, CFG["image_size"], CFG["image_size"], generator=torch.Generator().manual_seed(5))
    with torch.no_grad():
        out = embed(images, w, CFG)
    write_safetensors(f"{out_dir}/biomedclip_image_tiny.weights.safetensors", w, {"config": json.dumps(CFG)})
    write_safetensors(f"{out_dir}/biomedclip_image_tiny.io.safetensors", {"images": images, "embedding": out})


if __name__ == "__main__":
    main(sys.argv[1])
