#!/usr/bin/env bash
# Trains the bundled demo model from scratch on synthetic phantoms, on a CPU (about an hour on
# 2 cores). Usage: tools/train-demo.sh WORKDIR, then tools/package-demo.sh WORKDIR.
set -euo pipefail
work=${1:?usage: tools/train-demo.sh WORKDIR}
jar=${TEXT2CT_JAR:-target/text2ct.jar}
mkdir -p "$work"
java -jar "$jar" make-phantoms --n 240 --seed 2026 --out "$work/phantoms"
java -jar "$jar" train-vae --data "$work/phantoms" --out "$work/vae/demo-vae.safetensors" \
    --steps 1500 --batch 4 --patch 32,32,16 --lr 1e-3 --seed 1
java -jar "$jar" train-ldm --data "$work/phantoms" --vae "$work/vae/demo-vae.safetensors" \
    --out "$work/demo-model" --steps 1500 --batch 4 --unet-channels 16 --lr 4e-4 --seed 2
