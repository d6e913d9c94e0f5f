" prog progression programs: indent after a block header (a line ending in `:`), else keep
" the indentation of the line above; dedenting is yours to do, as in Python.
if exists("b:did_indent")
  finish
endif
let b:did_indent = 1

setlocal autoindent indentexpr=ProgIndent() indentkeys=o,O,!^F
let b:undo_indent = "setlocal autoindent< indentexpr< indentkeys<"

if exists("*ProgIndent")
  finish
endif

function ProgIndent() abort
  let above = prevnonblank(v:lnum - 1)
  if above == 0
    return 0
  endif
  if getline(above) =~# '^[^#]*:\s*\(#.*\)\=$'
    return indent(above) + shiftwidth()
  endif
  return indent(above)
endfunction
