"""A small PyTorch classifier. Hover any activation to see what it computes."""
import torch
import torch.nn as nn
import torch.nn.functional as F


class MLP(nn.Module):
    def __init__(self, d_in: int = 784, d_hidden: int = 256, n_classes: int = 10):
        super().__init__()
        self.fc1 = nn.Linear(d_in, d_hidden)
        self.fc2 = nn.Linear(d_hidden, d_hidden)
        self.out = nn.Linear(d_hidden, n_classes)
        self.act = nn.LeakyReLU(0.2, inplace=True)
        self.gate = nn.GELU(approximate="tanh")
        # A small positive bias keeps ReLU units alive at the start of training.
        nn.init.constant_(self.fc1.bias, 0.1)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        h = F.relu(self.fc1(x))
        h = F.dropout(F.elu(self.fc2(h), alpha=0.5), 0.1, self.training)
        h = self.gate(self.act(h))
        return F.log_softmax(self.out(h), dim=-1)


def saturating_head(z: torch.Tensor) -> torch.Tensor:
    # sigmoid saturates: its derivative is at most 0.25 and vanishes for large |z|.
    return torch.sigmoid(z) * torch.tanh(z)


print(F.relu(torch.tensor(-2.0)), F.softplus(torch.randn(3), beta=2, threshold=10))
blocks = nn.Sequential(nn.Linear(8, 8), nn.SiLU(), nn.Linear(8, 8), nn.Hardtanh(-2, 2), nn.Softmax(dim=-1))
