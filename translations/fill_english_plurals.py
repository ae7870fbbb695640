# Fills the English plural forms of mlwb_en.ts from the "(s)" / "(es)" in each source text.
# Usage: lupdate -pluralonly ... -ts translations/mlwb_en.ts && python3 translations/fill_english_plurals.py translations/mlwb_en.ts
import re, sys
p = sys.argv[1]
s = open(p, encoding='utf-8').read()
def fill(m):
    block = m.group(0)
    src = re.search(r'<source>(.*?)</source>', block, re.S).group(1)
    one = re.sub(r'\((e?s)\)', '', src)
    many = re.sub(r'\((e?s)\)', r'\1', src)
    block = re.sub(r'<translation[^>]*>.*?</translation>',
                   '<translation>\n            <numerusform>%s</numerusform>\n            <numerusform>%s</numerusform>\n        </translation>' % (one, many),
                   block, flags=re.S)
    return block
s = re.sub(r'<message numerus="yes">.*?</message>', fill, s, flags=re.S)
open(p, 'w', encoding='utf-8').write(s)
