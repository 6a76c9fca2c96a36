"""Known-answer files for the BiomedCLIP text tower (BERT encoder + CLS pooling + projection).

An independent plain-torch reference, written from the semantics of Hugging Face's BertModel and
open_clip's HFTextEncoder (no transformers / open_clip / safetensors packages needed): attention
goes through torch.nn.MultiheadAttention with a key padding mask, LayerNorm and erf-GELU through
torch.nn. Random tiny weights under open_clip's state-dict names ("text.transformer....",
"text.proj...."), configuration in the safetensors metadata entry "config".

Run with Debian's python3-torch:  /usr/bin/python3 tools/biomedclip_text_reference.py OUT_DIR
Writes OUT_DIR/biomedclip_text_{mlp,linear}_tiny.{weights,io}.safetensors.
"""
import json
import struct
import sys

import numpy as np
import torch
import torch.nn.functional as F

BERT = {"vocab_size": 30, "hidden_size": 16, "num_hidden_layers": 2, "num_attention_heads": 4,
        "intermediate_size": 24, "hidden_act": "gelu", "max_position_embeddings": 32,
        "type_vocab_size": 2, "layer_norm_eps": 1e-12, "pad_token_id": 0}
CONTEXT = 16


def write_safetensors(path, tensors, metadata=None):
    """8-byte little-endian header length, JSON header, then raw little-endian tensor bytes."""
    header, blobs, offset = {}, [], 0
    for name, t in tensors.items():
        a = np.ascontiguousarray(t.detach().cpu().numpy())
        dtype = {np.dtype("float32"): "F32", np.dtype("int64"): "I64"}[a.dtype]
        raw = a.astype(a.dtype.newbyteorder("<")).tobytes()
        header[name] = {"dtype": dtype, "shape": list(a.shape), "data_offsets": [offset, offset + len(raw)]}
        blobs.append(raw)
        offset += len(raw)
    if metadata:
        header["__metadata__"] = metadata
    head = json.dumps(header, separators=(",", ":")).encode("utf-8")
    head += b" " * (-len(head) % 8)
    with open(path, "wb") as f:
        f.write(struct.pack("<Q", len(head)))
        f.write(head)
        for raw in blobs:
            f.write(raw)


def random_weights(gen, proj_type, embed_dim, with_position_ids):
    h, inter = BERT["hidden_size"], BERT["intermediate_size"]

    def r(*shape, scale=0.3):
        return torch.randn(*shape, generator=gen) * scale

    w = {}
    e = "text.transformer.embeddings."
    w[e + "word_embeddings.weight"] = r(BERT["vocab_size"], h, scale=1.0)
    w[e + "position_embeddings.weight"] = r(BERT["max_position_embeddings"], h, scale=0.5)
    w[e + "token_type_embeddings.weight"] = r(BERT["type_vocab_size"], h, scale=0.5)
    w[e + "LayerNorm.weight"] = 1 + r(h, scale=0.1)
    w[e + "LayerNorm.bias"] = r(h, scale=0.1)
    if with_position_ids:
        w[e + "position_ids"] = torch.arange(BERT["max_position_embeddings"]).unsqueeze(0)
    for i in range(BERT["num_hidden_layers"]):
        p = f"text.transformer.encoder.layer.{i}."
        for name in ("query", "key", "value"):
            w[p + f"attention.self.{name}.weight"] = r(h, h)
            w[p + f"attention.self.{name}.bias"] = r(h, scale=0.1)
        w[p + "attention.output.dense.weight"] = r(h, h)
        w[p + "attention.output.dense.bias"] = r(h, scale=0.1)
        w[p + "attention.output.LayerNorm.weight"] = 1 + r(h, scale=0.1)
        w[p + "attention.output.LayerNorm.bias"] = r(h, scale=0.1)
        w[p + "intermediate.dense.weight"] = r(inter, h)
        w[p + "intermediate.dense.bias"] = r(inter, scale=0.1)
        w[p + "output.dense.weight"] = r(h, inter)
        w[p + "output.dense.bias"] = r(h, scale=0.1)
        w[p + "output.LayerNorm.weight"] = 1 + r(h, scale=0.1)
        w[p + "output.LayerNorm.bias"] = r(h, scale=0.1)
    if proj_type == "mlp":
        hidden = (h + embed_dim) // 2
        w["text.proj.0.weight"] = r(hidden, h)
        w["text.proj.2.weight"] = r(embed_dim, hidden)
    else:
        w["text.proj.weight"] = r(embed_dim, h)
    return w


def bert_layer(w, p, x, key_padding_mask):
    h, heads = BERT["hidden_size"], BERT["num_attention_heads"]
    eps = BERT["layer_norm_eps"]
    mha = torch.nn.MultiheadAttention(h, heads, bias=True, batch_first=True)
    with torch.no_grad():
        mha.in_proj_weight.copy_(torch.cat([w[p + f"attention.self.{n}.weight"] for n in ("query", "key", "value")]))
        mha.in_proj_bias.copy_(torch.cat([w[p + f"attention.self.{n}.bias"] for n in ("query", "key", "value")]))
        mha.out_proj.weight.copy_(w[p + "attention.output.dense.weight"])
        mha.out_proj.bias.copy_(w[p + "attention.output.dense.bias"])
    mha.eval()
    attn, _ = mha(x, x, x, key_padding_mask=key_padding_mask, need_weights=False)
    x = F.layer_norm(attn + x, (h,), w[p + "attention.output.LayerNorm.weight"],
                     w[p + "attention.output.LayerNorm.bias"], eps)
    inner = F.gelu(F.linear(x, w[p + "intermediate.dense.weight"], w[p + "intermediate.dense.bias"]))
    out = F.linear(inner, w[p + "output.dense.weight"], w[p + "output.dense.bias"])
    return F.layer_norm(out + x, (h,), w[p + "output.LayerNorm.weight"], w[p + "output.LayerNorm.bias"], eps)


def text_tower(w, proj_type, input_ids):
    h = BERT["hidden_size"]
    e = "text.transformer.embeddings."
    mask = (input_ids != BERT["pad_token_id"]).long()  # open_clip derives the mask from the ids
    length = input_ids.shape[1]
    positions = torch.arange(length).unsqueeze(0)
    x = (F.embedding(input_ids, w[e + "word_embeddings.weight"])
         + F.embedding(positions, w[e + "position_embeddings.weight"])
         + F.embedding(torch.zeros_like(input_ids), w[e + "token_type_embeddings.weight"]))
    x = F.layer_norm(x, (h,), w[e + "LayerNorm.weight"], w[e + "LayerNorm.bias"], BERT["layer_norm_eps"])
    for i in range(BERT["num_hidden_layers"]):
        x = bert_layer(w, f"text.transformer.encoder.layer.{i}.", x, key_padding_mask=mask == 0)
    pooled = x[:, 0, :]  # cls_last_hidden_state_pooler
    if proj_type == "mlp":
        projected = F.linear(F.gelu(F.linear(pooled, w["text.proj.0.weight"])), w["text.proj.2.weight"])
    else:
        projected = F.linear(pooled, w["text.proj.weight"])
    return x, mask, pooled, projected


def main(out_dir):
    torch.manual_seed(0)
    cases = {"biomedclip_text_mlp_tiny": ("mlp", 8, True, 1), "biomedclip_text_linear_tiny": ("linear", 12, False, 2)}
    for name, (proj_type, embed_dim, with_position_ids, seed) in cases.items():
        gen = torch.Generator().manual_seed(seed)
        w = random_weights(gen, proj_type, embed_dim, with_position_ids)
        # [CLS]=2 … [SEP]=3, second row padded with [PAD]=0
        ids = torch.randint(5, BERT["vocab_size"], (2, CONTEXT), generator=gen)
        ids[:, 0] = 2
        ids[0, -1] = 3
        ids[1, 7] = 3
        ids[1, 8:] = 0
        with torch.no_grad():
            hidden, mask, pooled, projected = text_tower(w, proj_type, ids)
        config = {"embed_dim": embed_dim, "hf_proj_type": proj_type, "hf_pooler_type": "cls_last_hidden_state_pooler",
                  "context_length": CONTEXT, "text_config": BERT}
        write_safetensors(f"{out_dir}/{name}.weights.safetensors", w, {"config": json.dumps(config)})
        write_safetensors(f"{out_dir}/{name}.io.safetensors",
                          {"input_ids": ids, "attention_mask": mask, "last_hidden_state": hidden,
                           "pooled": pooled, "text_embedding": projected})


if __name__ == "__main__":
    main(sys.argv[1])
