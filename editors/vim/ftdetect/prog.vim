" .prog files are prog progression programs.
autocmd BufRead,BufNewFile *.prog setfiletype prog
