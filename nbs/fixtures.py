"""Fixtures that the notebooks' tests share: not part of the package, so that its users never meet them.

A notebook's hidden import cell puts this folder on `sys.path` (nbdev-test and Jupyter both run a notebook from
`nbs/`) and imports what it needs: `sys.path.insert(0, str(Path.cwd())); from fixtures import fitted_gpt`."""
import json, shutil, tempfile
from pathlib import Path

import numpy as np, pandas as pd, torch

from gpt_attentions.model import GPT, GPTConfig


def fit_briefly(m:GPT, # the model, fitted in place
                steps:int=150, # AdamW steps of 8 windows
                period:int=37, # the text repeats every `period` symbols
                repeats:int=20, # periods in the text
                n_symbols:int=8, seed:int=0)->GPT: # `m`, in eval mode
    "A few AdamW steps on a periodic text over `n_symbols` symbols: greedy output that varies and follows the context."
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


def fake_study(d:Path, # an empty folder
               rng_seed:int=0)->Path: # `d`, filled
    "A results folder shaped like the study's, made-up numbers: linformer 0.05 better than vanilla, performer a tie."
    from gpt_attentions.study import equal_time_runs, study_runs  # the study's runs and keep_run: real setting records
    from gpt_attentions.sweep import keep_run
    rng, raw = np.random.default_rng(rng_seed), Path(tempfile.mkdtemp())  # raw: run folders as training leaves them
    for ctx in (256,):
        ms = {"vanilla": 100, "linformer-chunk64": 80, "performer": 200, "local-window64-blocksTrue": 50,
              "local-window64-blocksFalse": 60}
        timed = dict(ms_per_step=ms | {"nystrom-num_landmarks64": 100})  # (no nystrom runs here)
        runs = {(r.setting["label"], r.setting["seed"], r.setting.get("equal_time", False)): r
                for r in study_runs(ctx, [1, 2, 3]) + equal_time_runs(ctx, [1, 2, 3], timed)}
        for seed in (1, 2, 3):
            base = 1.9 + 0.02 * rng.standard_normal()
            offsets = (("vanilla", 0), ("linformer-chunk64", -0.05), ("performer", 0.001 * rng.standard_normal()),
                       ("local-window64-blocksTrue", -0.04), ("local-window64-blocksFalse", 0.01))
            for setting, off in offsets:
                for eq in (False, True) if setting != "vanilla" else (False,):
                    r = runs[(setting, seed, eq)]; run = raw/"runs"/r.name; run.mkdir(parents=True)
                    v = base + off + 0.003 * rng.standard_normal() - (0.02 if eq else 0)
                    pd.DataFrame(dict(iter=[0, 100], val_loss=[4.2, v], ms_per_iter=[np.nan, 50.0],
                                      val_loss_1_64=[4.2, v + 0.1], val_loss_65_256=[4.2, v - 0.03])
                                ).to_csv(run/"metrics.csv", index=False)
                    (run/"config.json").write_text(json.dumps(dict(model=dict(block_size=ctx), train=dict(seed=seed))))
                    (run/"split_loss.json").write_text(json.dumps(dict(split_loss=v + 0.01, split_loss_1_64=v + 0.11,
                                                                       tokens=110592)))
                    keep_run(run, d/r.name, setting=r.setting)
        (d/f"calibration-T{ctx}.json").write_text(json.dumps(dict(context=ctx, ms_per_step=ms)))
    shutil.rmtree(raw)
    return d
