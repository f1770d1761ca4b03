// LibTorch (C++ frontend).
#include <torch/torch.h>

struct Net : torch::nn::Module {
  torch::nn::Linear fc{nullptr};
  torch::nn::LeakyReLU act{torch::nn::LeakyReLUOptions().negative_slope(0.2)};

  torch::Tensor forward(torch::Tensor x) {
    x = torch::relu(fc->forward(x));
    x = act->forward(x);
    return torch::log_softmax(x, 1);
  }
};
