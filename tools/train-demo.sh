#!/usr/bin/env bash
# Trains the bundled demo model from scratch on synthetic phantoms, on a CPU (about 2 hours on
# 2 cores). Usage: tools/train-demo.sh WORKDIR, then tools/package-demo.sh WORKDIR.
# Stage 1 trains the VAE and a first LDM on one phantom set; stage 2 fine-tunes that LDM
# (train-ldm --init) on a second, independent phantom set.
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
    --out "$work/demo-model" --steps 2000 --batch 4 --lr 4e-4 --seed 3
