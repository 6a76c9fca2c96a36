#!/usr/bin/env bash
# Bundles a trained demo model (tools/train-demo.sh WORKDIR) into the jar's resources, with its
# training record: the package, the loss logs and curves of the VAE, every LDM stage and the
# decoder tuning (stage 7), and the training script.
# Usage: tools/package-demo.sh WORKDIR
set -euo pipefail
work=${1:?usage: tools/package-demo.sh WORKDIR}
repo=$(cd "$(dirname "$0")/.." && pwd)
stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT
cp -r "$work/demo-model" "$stage/demo-model"
rm -rf "$stage/demo-model/.text" "$stage"/demo-model/.*.text
mkdir -p "$stage/demo-model/training"
cp "$work"/vae/demo-vae.loss.csv "$work"/vae/demo-vae.loss.png \
    "$work"/demo-model-stage[1-7].loss.csv "$work"/demo-model-stage[1-7].loss.png \
    "$work"/demo-model.loss.csv "$work"/demo-model.loss.png \
    "$repo/tools/train-demo.sh" "$stage/demo-model/training/"
out="$repo/src/main/resources/org/text2ct/demo/demo-model.zip"
mkdir -p "$(dirname "$out")"
rm -f "$out"
(cd "$stage" && jar --create --no-manifest --file "$out" demo-model)
ls -l "$out"
