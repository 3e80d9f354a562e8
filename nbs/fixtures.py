"""Fixtures that the notebooks' tests share: not part of the package, so that its users never meet them.

A notebook's hidden import cell puts this folder on `sys.path` (nbdev-test and Jupyter both run a notebook from
`nbs/`) and imports what it needs: `sys.path.insert(0, str(Path.cwd())); from fixtures import fitted_gpt`."""
import torch

from gpt_attentions.model import GPT, GPTConfig


def fit_briefly(m:GPT, # the model, fitted in place
                steps:int=150, # AdamW steps of 8 windows
                period:int=37, # the text repeats every `period` symbols
                repeats:int=20, # periods in the text
                n_symbols:int=8, seed:int=0)->GPT: # `m`, in eval mode
    "A few AdamW steps on a periodic text over `n_symbols` symbols: greedy output that is varied and follows the context."
    g = torch.Generator().manual_seed(seed)
    text = torch.randint(0, n_symbols, (period,), generator=g).repeat(repeats)
    opt = m.configure_optimizers(0.0, 3e-3, (0.9, 0.99))
    T = m.config.block_size
    for _ in range(steps):
        ix = torch.randint(len(text) - T - 1, (8,), generator=g)
        x = torch.stack([text[i:i+T] for i in ix]); y = torch.stack([text[i+1:i+T+1] for i in ix])  # (8, T) each
        loss = m(x, y)[1]; opt.zero_grad(); loss.backward(); opt.step()
    return m.eval()


def fitted_gpt(attention:str, attention_args:dict, block_size:int=48, steps:int=60, seed:int=0)->GPT:
    "A two-layer GPT with `attention`, seeded, fitted briefly to a period-23 text: the chunked mechanisms' GPT tests."
    torch.manual_seed(seed)
    m = GPT(GPTConfig(block_size=block_size, n_layer=2, n_head=2, n_embd=32, attention=attention,
                      attention_args=attention_args))
    return fit_briefly(m, steps, period=23, repeats=12, seed=seed)
