-- Run by tests/test_lsp_neovim.py in a headless Neovim with the README's set-up loaded and a
-- guide open: what the editor received, a quick fix applied, and what it received after.
local function dump()
  local out = {}
  for _, d in ipairs(vim.diagnostic.get(0)) do
    local lsp = d.user_data and d.user_data.lsp or {}
    table.insert(out, { lnum = d.lnum, col = d.col, end_lnum = d.end_lnum, end_col = d.end_col,
                        code = d.code or lsp.code, message = d.message, severity = d.severity })
  end
  table.sort(out, function(a, b) return a.lnum < b.lnum or (a.lnum == b.lnum and a.col < b.col) end)
  return out
end
local function codes()
  local set = {}
  for _, d in ipairs(dump()) do set[d.code] = true end
  return set
end
local result = {}
result.received = vim.wait(30000, function() return #vim.diagnostic.get(0) > 0 end, 50)
result.opened = dump()
local glued
for _, d in ipairs(result.opened) do if d.code == "links/missing-space" then glued = d end end
if glued then
  local params = { textDocument = vim.lsp.util.make_text_document_params(),
    range = { start = { line = glued.lnum, character = 0 }, ["end"] = { line = glued.lnum, character = 200 } },
    context = { diagnostics = {} } }
  local answers = vim.lsp.buf_request_sync(0, "textDocument/codeAction", params, 10000) or {}
  result.actions = {}
  for _, answer in pairs(answers) do
    for _, action in ipairs(answer.result or {}) do
      table.insert(result.actions, action.title)
      if action.title == "Fix links/missing-space" then
        vim.lsp.util.apply_workspace_edit(action.edit, "utf-16")
      end
    end
  end
  result.fixed = vim.wait(30000, function() return not codes()["links/missing-space"] end, 50)
  result.line_after_fix = vim.api.nvim_buf_get_lines(0, glued.lnum, glued.lnum + 1, false)[1]
  result.after_fix = dump()
end
local f = io.open(vim.env.GUIDELINT_NVIM_OUT, "w")
f:write(vim.fn.json_encode(result))
f:close()
vim.cmd("qa!")
