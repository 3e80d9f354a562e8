"Linear attention (Katharopoulos et al. 2020, 'Transformers are RNNs'): softmax replaced by elu(x)+1 feature maps."
import torch, torch.nn.functional as F
from gpt_attentions.attention import AttentionCore, HParam

class LinearAttention(AttentionCore):
    "y_i = φ(q_i)ᵀ Σ_{j≤i} φ(k_j) v_jᵀ / φ(q_i)ᵀ Σ_{j≤i} φ(k_j), with φ(x) = elu(x) + 1 (their eq. 6-9)."
    name, stateful = "linear", True
    hparams = dict(eps=HParam(float, 1e-6, "floor of the normaliser", minimum=0))

    def _forward(self, q, k, v):  # sums of T·D positive terms overflow float16: accumulate in float32
        dt, (q, k, v) = v.dtype, (F.elu(q.float()) + 1, F.elu(k.float()) + 1, v.float())  # (B, H, T, D)
        if not self.causal: return ((q @ (k.transpose(-2, -1) @ v)) / (q @ k.sum(2).unsqueeze(-1) + self.eps)).to(dt)
        S = torch.einsum("bhtd,bhte->bhtde", k, v).cumsum(2)      # (B, H, T, D, D): prefix sums of φ(k) vᵀ
        return (torch.einsum("bhtd,bhtde->bhte", q, S) / ((q * k.cumsum(2)).sum(-1, keepdim=True) + self.eps)).to(dt)

    def init_state(self, batch_size, device=None, dtype=None):   # O(D²) per head, whatever the context
        D = self.head_dim
        return dict(S=torch.zeros(batch_size, self.n_head, D, D, device=device), z=torch.zeros(batch_size, self.n_head, D, 1, device=device))

    def step(self, q, k, v, state):                               # q, k, v: (B, H, 1, D)
        q, k = F.elu(q.float()) + 1, F.elu(k.float()) + 1
        S, z = state["S"] + k.transpose(-2, -1) @ v.float(), state["z"] + k.transpose(-2, -1)
        return ((q @ S) / (q @ z + self.eps)).to(v.dtype), dict(S=S, z=z)

    def state_numel(self, T): return self.n_head * (self.head_dim + 1) * self.head_dim
