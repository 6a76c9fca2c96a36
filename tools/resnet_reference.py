"""Known-answer files for the ResNet feature extractor (org.text2ct.model.features.ResNet).

The reference is torchvision's own code: torchvision.models.resnet.Bottleneck blocks assembled by
torchvision's ResNet._make_layer and run by ResNet._forward_impl. Only the widths shrink: torchvision
fixes the stem at 64 channels, so TinyResNet sets the attributes ResNet.__init__ would set (stem
width W, stage planes W, 2W, 4W, 8W, blocks [1, 1, 1, 1]) and keeps every key name, the stride on the
3x3 convolution, the downsample shortcut, BatchNorm eps 1e-5 in eval mode and the classifier fc.
Weights and BatchNorm running statistics are random; features = the avgpool output (layer4 averaged
over H and W), i.e. the input of fc.

Run with Debian's python3-torch and python3-torchvision:
    /usr/bin/python3 tools/resnet_reference.py src/test/resources/fixtures
Writes resnet_tiny.weights.safetensors (torchvision keys, "config" metadata), resnet_tiny.pt (the same
state dict under "state_dict" with DataParallel's "module." prefix) and resnet_tiny.io.safetensors
(images [2, 3, 64, 64] -> features [2, 8W]).
"""
import json
import sys

import torch
from torch import nn
from torchvision.models.resnet import Bottleneck, ResNet

from biomedclip_text_reference import write_safetensors

WIDTH = 4
BLOCKS = [1, 1, 1, 1]


class TinyResNet(ResNet):
    def __init__(self, width, blocks, num_classes=3):
        nn.Module.__init__(self)
        self._norm_layer = nn.BatchNorm2d
        self.inplanes = width
        self.dilation = 1
        self.groups = 1
        self.base_width = 64  # Bottleneck's inner width = planes * base_width / 64 = planes
        self.conv1 = nn.Conv2d(3, width, kernel_size=7, stride=2, padding=3, bias=False)
        self.bn1 = nn.BatchNorm2d(width)
        self.relu = nn.ReLU(inplace=True)
        self.maxpool = nn.MaxPool2d(kernel_size=3, stride=2, padding=1)
        self.layer1 = self._make_layer(Bottleneck, width, blocks[0])
        self.layer2 = self._make_layer(Bottleneck, width * 2, blocks[1], stride=2)
        self.layer3 = self._make_layer(Bottleneck, width * 4, blocks[2], stride=2)
        self.layer4 = self._make_layer(Bottleneck, width * 8, blocks[3], stride=2)
        self.avgpool = nn.AdaptiveAvgPool2d((1, 1))
        self.fc = nn.Linear(width * 8 * Bottleneck.expansion, num_classes)


def main(out_dir):
    torch.manual_seed(7)
    net = TinyResNet(WIDTH, BLOCKS)
    with torch.no_grad():
        for m in net.modules():
            if isinstance(m, nn.BatchNorm2d):
                m.weight.uniform_(0.5, 1.5)
                m.bias.normal_(0, 0.1)
                m.running_mean.normal_(0, 0.1)
                m.running_var.uniform_(0.5, 1.5)
                m.num_batches_tracked.fill_(123)
    net.eval()
    captured = {}
    net.avgpool.register_forward_hook(lambda mod, inp, out: captured.update(features=torch.flatten(out, 1)))
    images = torch.randn(2, 3, 64, 64)
    with torch.no_grad():
        net(images)
    state = net.state_dict()
    config = {"blocks": BLOCKS, "width": WIDTH, "expansion": Bottleneck.expansion}
    write_safetensors(f"{out_dir}/resnet_tiny.weights.safetensors", state, {"config": json.dumps(config)})
    torch.save({"state_dict": {"module." + k: v for k, v in state.items()}, "epoch": 1}, f"{out_dir}/resnet_tiny.pt")
    write_safetensors(f"{out_dir}/resnet_tiny.io.safetensors",
                      {"images": images, "features": captured["features"]})


if __name__ == "__main__":
    main(sys.argv[1])
