-- An editor session with resplint's language server, for nvim_test.go:
-- nvim --headless -u NONE -i NONE -c 'luafile session.lua' handlers.go
--
-- It starts "resplint lsp" for the Go buffer with the API that Neovim 0.7
-- (Debian bookworm) has, waits for the diagnostics, applies the quick fix
-- of one of them, saves, waits for the diagnostics of the saved file, and
-- writes what it saw as JSON to $RESPLINT_NVIM_OUT.

local out = assert(os.getenv("RESPLINT_NVIM_OUT"))
local timeout = 300000 -- ms: the first analysis type-checks net/http from source
local result = { steps = {} }

local function finish()
  local f = assert(io.open(out, "w"))
  f:write(vim.fn.json_encode(result))
  f:close()
  vim.cmd("qa!")
end

local function fail(msg)
  result.error = msg
  finish()
end

local function snapshot(buf)
  local diags = {}
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    local lsp = d.user_data and d.user_data.lsp or {}
    table.insert(diags, {
      lnum = d.lnum, col = d.col, end_lnum = d.end_lnum, end_col = d.end_col,
      message = d.message, source = d.source, code = lsp.code,
      href = lsp.codeDescription and lsp.codeDescription.href,
      related = lsp.relatedInformation and #lsp.relatedInformation or 0,
    })
  end
  table.sort(diags, function(a, b) return a.lnum < b.lnum end)
  return diags
end

local buf = vim.api.nvim_get_current_buf()
local root = vim.fn.fnamemodify(vim.api.nvim_buf_get_name(buf), ":p:h")
local config = {
  name = "resplint",
  cmd = { assert(os.getenv("RESPLINT_BIN")), "lsp" },
  root_dir = root,
  workspace_folders = { { uri = vim.uri_from_fname(root), name = "web" } },
  init_options = { cookieflags = { names = "session|prefs" } },
}
local client_id
if vim.lsp.start then -- Neovim 0.8 and later
  client_id = vim.lsp.start(config, { bufnr = buf })
else
  client_id = vim.lsp.start_client(config)
  vim.lsp.buf_attach_client(buf, client_id)
end
if not client_id then
  return fail("the client did not start")
end
result.nvim = vim.version()

if not vim.wait(timeout, function() return #vim.diagnostic.get(buf) > 0 end, 50) then
  return fail("no diagnostics after opening the file")
end
result.opened = snapshot(buf)

-- The quick fixes on the line of the "prefs" cookie, as when the cursor
-- is on it.
local line
for _, d in ipairs(vim.diagnostic.get(buf)) do
  if d.message:find('"prefs"', 1, true) then line = d.lnum end
end
if not line then
  return fail("no diagnostic for the prefs cookie")
end
local params = {
  textDocument = { uri = vim.uri_from_bufnr(buf) },
  range = { start = { line = line, character = 0 }, ["end"] = { line = line + 1, character = 0 } },
  context = { diagnostics = {}, only = { "quickfix" } },
}
local responses = vim.lsp.buf_request_sync(buf, "textDocument/codeAction", params, timeout) or {}
local action
result.actions = {}
for _, resp in pairs(responses) do
  for _, a in ipairs(resp.result or {}) do
    table.insert(result.actions, a.title)
    if a.kind == "quickfix" and a.edit then action = action or a end
  end
end
if not action then
  return fail("no quick fix offered")
end
local client = vim.lsp.get_client_by_id(client_id)
vim.lsp.util.apply_workspace_edit(action.edit, client.offset_encoding)

-- Save: the server analyses the saved package again.
local before = #vim.diagnostic.get(buf)
vim.cmd("write")
if not vim.wait(timeout, function() return #vim.diagnostic.get(buf) ~= before end, 50) then
  return fail("the diagnostics did not change after saving the fix")
end
result.saved = snapshot(buf)

vim.lsp.stop_client(client_id)
vim.wait(5000, function() return vim.lsp.get_client_by_id(client_id) == nil end, 50)
finish()
