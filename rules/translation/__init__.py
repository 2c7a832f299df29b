"""Translation QA: each translation compared with its source guide, block by block."""
