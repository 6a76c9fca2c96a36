#!/usr/bin/env bash
# Trains the bundled demo model from scratch on synthetic phantoms, on a CPU (about 5 hours on
# 2 cores). Usage: tools/train-demo.sh WORKDIR, then tools/package-demo.sh WORKDIR.
# Stage 1 trains the VAE and a first LDM on one phantom set; stage 2 fine-tunes that LDM
# (train-ldm --init) on a second, independent phantom set. Stages 3 to 6 teach left from right on
# mirrored twin pairs: cross-attention that skips padding and the twin term (3), prompts from the
# impressions only, where the side word is one of a few (4), whole reports again (5), and a last
# pass with a light twin term to restore image quality (6). Stage 7 fine-tunes the VAE decoder with the
# encoder frozen (the latents, and so the LDM, stay valid): the stage-1 VAE decoded soft tissue
# 80 HU too low (fluid too), which hid effusions and the heart from the faithfulness check.
# Stage 8 gives the UNet the voxel coordinates as input (zero weights at first) and trains it on the
# twins again, so the side word has a side of the volume to attach to.
set -euo pipefail
work=${1:?usage: tools/train-demo.sh WORKDIR}
jar=${TEXT2CT_JAR:-target/text2ct.jar}
mkdir -p "$work"
java -jar "$jar" make-phantoms --n 240 --seed 2026 --out "$work/phantoms"
java -jar "$jar" train-vae --data "$work/phantoms" --out "$work/vae/demo-vae.safetensors" \
    --steps 1500 --batch 4 --patch 32,32,16 --lr 1e-3 --seed 1
java -jar "$jar" train-ldm --data "$work/phantoms" --vae "$work/vae/demo-vae.safetensors" \
    --out "$work/demo-model-stage1" --steps 1500 --batch 4 --unet-channels 16 --lr 4e-4 --seed 2
java -jar "$jar" make-phantoms --n 240 --seed 2027 --out "$work/phantoms2"
java -jar "$jar" train-ldm --data "$work/phantoms2" --init "$work/demo-model-stage1" \
    --out "$work/demo-model-stage2" --steps 2000 --batch 4 --lr 4e-4 --seed 3
java -jar "$jar" make-phantoms --n 240 --seed 2028 --mirror-pairs --out "$work/phantoms3"
ldm() { java -jar "$jar" train-ldm --data "$work/phantoms3" --batch 4 "$@"; }
ldm --init "$work/demo-model-stage2" --out "$work/demo-model-stage3" --steps 3000 --lr 3e-4 --seed 6 \
    --mask-padding --twin-weight 2
ldm --init "$work/demo-model-stage3" --out "$work/demo-model-stage4" --steps 2000 --lr 5e-4 --seed 8 \
    --twin-weight 20 --prompt-sections impressions
ldm --init "$work/demo-model-stage4" --out "$work/demo-model-stage5" --steps 1500 --lr 3e-4 --seed 9 \
    --twin-weight 20
ldm --init "$work/demo-model-stage5" --out "$work/demo-model-stage6" --steps 1000 --lr 2e-4 --seed 10 --twin-weight 2
java -jar "$jar" tune-decoder --model "$work/demo-model-stage6" --data "$work/phantoms3" --out "$work/demo-model-stage7" \
    --steps 2000 --batch 2 --patch 64,64,32 --lr 5e-4 --seed 11
ldm --init "$work/demo-model-stage7" --out "$work/demo-model" --steps 5000 --lr 3e-4 --seed 12 --twin-weight 20 \
    --position-input
