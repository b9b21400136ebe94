#!/usr/bin/python3
"""Copies TeX's hyphenation patterns (hyph-utf8, as Debian's texlive-lang-*
packages install them) into this folder, gzip-compressed and otherwise as
they are, each with its licence: the metadata header of its hyph-LANG.tex
(copyright, licence, hyphenmins), which hyphen.go's table repeats.

Run from this folder on a machine where the texlive-lang-* packages are
installed, or unpacked under ROOT:

    /usr/bin/python3 make.py [ROOT]
"""
import gzip, os, sys

ROOT = sys.argv[1] if len(sys.argv) > 1 else '/'
SRC = os.path.join(ROOT, 'usr/share/texlive/texmf-dist/tex/generic/hyph-utf8/patterns')
# Every EU official language TeX has patterns for, and more; left out:
# cs, sk (GPL only), lv (LGPL or GPL), ro (no licence stated); mt has
# none.
LANGS = ['bg', 'ca', 'da', 'de-1996', 'el-monoton', 'en-gb', 'es', 'et', 'eu', 'fi', 'fr',
         'ga', 'gl', 'hr', 'hu', 'is', 'it', 'lt', 'nb', 'nn', 'pl', 'pt', 'ru', 'sl',
         'sv', 'tr', 'uk']

def gz(src, dst):
    data = open(src, 'rb').read()
    with open(dst, 'wb') as f:
        # mtime 0 and no name: the same bytes on every run.
        with gzip.GzipFile(filename='', mode='wb', fileobj=f, compresslevel=9, mtime=0) as z:
            z.write(data)

for lang in LANGS:
    gz(os.path.join(SRC, 'txt', 'hyph-%s.pat.txt' % lang), 'hyph-%s.pat.txt.gz' % lang)
    hyp = os.path.join(SRC, 'txt', 'hyph-%s.hyp.txt' % lang)
    if os.path.exists(hyp) and os.path.getsize(hyp) > 0:
        gz(hyp, 'hyph-%s.hyp.txt.gz' % lang)
    # The licence: the .tex file's header, up to its first line of TeX.
    head = []
    for line in open(os.path.join(SRC, 'tex', 'hyph-%s.tex' % lang), encoding='utf-8'):
        if not line.startswith('%') and line.strip():
            break
        head.append(line)
    with open('hyph-%s.lic.txt' % lang, 'w', encoding='utf-8') as f:
        f.write('From hyph-utf8 (CTAN), as Debian packages it: tex/generic/hyph-utf8/patterns/tex/hyph-%s.tex\n\n' % lang)
        f.writelines(head)
