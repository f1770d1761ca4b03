// Rust: candle and burn.
use candle_core::{Result, Tensor};
use candle_nn::Activation;

fn forward(x: &Tensor) -> Result<Tensor> {
    let h = x.relu()?;
    let p = candle_nn::ops::sigmoid(&h)?;
    let act = Activation::Gelu;
    act.forward(&p)
}

fn burn_layers() {
    let relu = burn::nn::Relu::new();
    let softplus = burn::nn::SoftplusConfig::new().with_beta(2.0).init();
    let leaky = burn::nn::LeakyReluConfig::new().with_negative_slope(0.1).init();
}
