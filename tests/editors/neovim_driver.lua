-- Drives Neovim's own LSP client over the files in $PROG_NVIM_WORK, as a user would, and
-- writes what the editor showed as JSON to $PROG_NVIM_OUT; tests/editors/test_neovim.py
-- starts Neovim with the documented init.lua and runs this with `-c "luafile …"`.
-- Works on Neovim 0.7 to 0.10: only interfaces those versions share, or a choice between
-- the old and the new name where one was replaced.
local work = os.getenv("PROG_NVIM_WORK")
local out = { version = tostring(vim.version().major) .. "." .. vim.version().minor .. "." .. vim.version().patch }
local TIMEOUT = 20000

local function wait_for(what, predicate)
  if not vim.wait(TIMEOUT, predicate, 50) then
    error("timed out after " .. TIMEOUT .. " ms waiting for " .. what)
  end
end

local function clients(buf)
  if vim.lsp.get_clients then
    return vim.lsp.get_clients({ bufnr = buf })
  end
  local list = {}
  for _, client in pairs(vim.lsp.buf_get_clients(buf)) do
    table.insert(list, client)
  end
  return list
end

local function open(name)
  vim.cmd("edit " .. vim.fn.fnameescape(work .. "/" .. name))
  local buf = vim.api.nvim_get_current_buf()
  wait_for("a language server to attach to " .. name, function()
    return #clients(buf) > 0
  end)
  return buf, vim.bo[buf].filetype, clients(buf)[1].name
end

local function diagnostics(buf)
  local list = {}
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    table.insert(list, {
      line = d.lnum, col = d.col, end_col = d.end_col, severity = d.severity,
      code = d.code, source = d.source, message = d.message,
    })
  end
  return list
end

local function text(buf)
  return table.concat(vim.api.nvim_buf_get_lines(buf, 0, -1, false), "\n") .. "\n"
end

local function run()
  -- A mistake underlined, its quick fix chosen from the code action menu, then clean.
  local buf
  buf, out.filetype, out.client = open("fix.prog")
  wait_for("diagnostics for fix.prog", function()
    return #vim.diagnostic.get(buf) > 0
  end)
  out.diagnostics = diagnostics(buf)
  vim.fn.search("frontl")
  out.action_titles = {}
  vim.ui.select = function(items, opts, on_choice)
    local chosen
    for _, item in ipairs(items) do
      local title = opts.format_item(item)
      table.insert(out.action_titles, title)
      if not chosen and title:find("`frontal`", 1, true) then
        chosen = item
        out.chosen_action = title
      end
    end
    on_choice(chosen)
  end
  vim.lsp.buf.code_action()
  wait_for("the quick fix to change the buffer", function()
    return vim.bo[buf].modified
  end)
  wait_for("the diagnostics to clear", function()
    return #vim.diagnostic.get(buf) == 0
  end)
  out.diagnostics_after_fix = diagnostics(buf)
  vim.cmd("write")

  -- Hover (K) over `frontal`: the text of the floating window it opens.
  vim.fn.search("frontal")
  vim.lsp.buf.hover()
  local float
  wait_for("the hover window", function()
    for _, win in ipairs(vim.api.nvim_list_wins()) do
      if vim.api.nvim_win_get_config(win).relative ~= "" then
        float = win
        return true
      end
    end
    return false
  end)
  out.hover = text(vim.api.nvim_win_get_buf(float))
  vim.api.nvim_win_close(float, true)

  -- Completion at the end of `driver left-hand `, after `sport golf`.
  buf = open("golf.prog")
  local line = vim.fn.search("^driver left-hand $")
  local params = {
    textDocument = vim.lsp.util.make_text_document_params(buf),
    position = { line = line - 1, character = #vim.fn.getline(line) },
  }
  local answers = vim.lsp.buf_request_sync(buf, "textDocument/completion", params, TIMEOUT) or {}
  out.completion = {}
  for _, answer in pairs(answers) do
    local result = answer.result or {}
    for _, item in ipairs(result.items or result) do
      table.insert(out.completion, item.label)
    end
  end

  -- Format a messy file, and save it.
  buf = open("messy.prog")
  if vim.lsp.buf.format then
    vim.lsp.buf.format({ timeout_ms = TIMEOUT })
  else
    vim.lsp.buf.formatting_sync(nil, TIMEOUT)
  end
  out.formatted = text(buf)
  vim.cmd("write")
end

local ok, err = xpcall(run, debug.traceback)
if not ok then
  out.error = err
end
vim.fn.writefile({ vim.fn.json_encode(out) }, os.getenv("PROG_NVIM_OUT"))
vim.cmd("qall!")
