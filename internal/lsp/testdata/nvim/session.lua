-- An editor session with resplint's language server, for nvim_test.go:
-- nvim --headless -u NONE -i NONE -c 'luafile session.lua' handlers.go
--
-- It runs the Neovim snippet of docs/editors.md (from the file
-- $RESPLINT_NVIM_SNIPPET), which starts "resplint lsp" for Go buffers,
-- detects the file type of the buffer (-u NONE turns detection off) so
-- that the snippet's autocommand starts the server, waits for the
-- diagnostics, applies the quick fix of one of them, saves, waits for the
-- diagnostics of the saved file, opens a file of another package of the
-- module, and writes what it saw as JSON to $RESPLINT_NVIM_OUT.

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
result.nvim = vim.version()
dofile(assert(os.getenv("RESPLINT_NVIM_SNIPPET")))
vim.cmd("filetype on")
vim.cmd("filetype detect")
if vim.bo[buf].filetype ~= "go" then
  return fail("the buffer's file type is " .. vim.inspect(vim.bo[buf].filetype) .. ", not go")
end

-- The client the snippet started for a buffer.
local function resplint_client(b)
  local clients = vim.lsp.get_clients and vim.lsp.get_clients() or vim.lsp.get_active_clients()
  for _, c in pairs(clients) do
    if c.name == "resplint" and vim.lsp.buf_is_attached(b, c.id) then return c end
  end
end
if not vim.wait(10000, function() return resplint_client(buf) ~= nil end, 50) then
  return fail("the snippet started no resplint client for the buffer")
end
local client_id = resplint_client(buf).id
result.root = resplint_client(buf).config.root_dir

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

-- A file of a package below: the same module, so the same client.
vim.cmd("edit auth/auth.go")
local sub = vim.api.nvim_get_current_buf()
if not vim.wait(10000, function() return resplint_client(sub) ~= nil end, 50) then
  return fail("the snippet started no resplint client for auth/auth.go")
end
result.same_client = resplint_client(sub).id == client_id

vim.lsp.stop_client(client_id)
vim.wait(5000, function() return vim.lsp.get_client_by_id(client_id) == nil end, 50)
finish()
