r"""What the prose around a formula says about it: a definition, a consequence, or a condition.

"Let $m_t = …$" defines, "Hence $w_t = …$" claims, "If $\eta\lambda = 1$" states a condition. A cue
counts only in the *clause* the formula belongs to — the words since the last formula, comma,
semicolon or colon of its sentence — so that "When we substitute $m_t$, we get $w_t = …$" still
checks its claim, and the first character of 当前 ("current") is not the 当 of "when". A claim
followed in its sentence by a condition ("$x = 0$ when $\beta = 0$") holds only under that condition,
so a false verdict on it becomes undecided. The checker reads these flags; conditions are never
dropped silently: each condition link is reported as ``not-a-claim (condition)``.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from fractions import Fraction

from .extract import LineMap, MathBlock
from .prose_values import value_after

_DEFINE = re.compile(
    r"(?:\b(?:let(?!\s+us\b|['’]s\b)|define|denote|set|suppose|consider|where|here|now take|take)\b"  # not "let us"
    r"|(?:пусть|положим|обозначим|рассмотрим|где|здесь|возьм[её]м|введ[её]м|определим|зададим)"
    r"|(?:令|设|取|记作|记为|定义|其中)|\b(?:sei|seien|wobei|mit)\b|(?:여기서|여기에서)"
    r"|\b(?:soit|soient|posons|on pose|notons|on note|où|définissons|considérons|sea|sean|donde|definimos|denotamos"
    r"|seja|sejam|onde|sia|siano|dove)\b"
    # a switch to another scheme: what follows redefines, it does not restate
    r"|\b(?:instead|alternatively|in contrast|variant|version|another (?:form|way))\b|(?:вместо|иначе|вариант|другой форм)"
    r"|(?:改为|而是|变体|另一种|另一個|另一种形式))",
    re.IGNORECASE)
#: Words that say a formula defines: the checker also reads them before a display set off by a colon.
DEFINES = _DEFINE
#: "regard … as", "treat … as", "看作", "视为", "считать": what follows names things (a reading), it claims nothing.
_REGARD = re.compile(
    r"(?:\b(?:regard(?:ed|ing|s)?|treat(?:ed|ing|s)?|view(?:ed|ing|s)?|think of|interpret(?:ed|ing|s)?)\b[^.;:]{0,80}?\bas\b"
    r"|(?:счита(?:ть|ем|я|ется)|рассматрива(?:ть|ем|я)\s[^.;:]{0,60}?\bкак\b)"
    r"|(?:看作|看成|视为|视作|当作|当成)|\bbetrachten\b[^.;:]{0,60}?\bals\b)", re.IGNORECASE)
#: "the linear model $y = wx$", "регрессию $y = w x$", "回归模型", "회귀 모델": a model or hypothesis relates its
#: variables (it is what is fitted); it does not give the observed data the values it predicts.
_MODEL = re.compile(
    r"(?:\b(?:models?|regressions?|hypothes[ie]s|predicts?|predictors?|fits?|fitting)\b"
    r"|(?:модел[ьиюяей]\w*|регресси\w*|гипотез\w*|предсказ\w*)"
    r"|(?:模型|回归|假设函数|拟合)|(?:모델|회귀|가설))", re.IGNORECASE)
#: A step of a derivation: what it produces is a claim, even after "when"/"if" ("When we substitute, …"),
#: and the "when" is a time, not a condition.
_DERIVATION = re.compile(
    r"\b(?:(?:substitut|plug|expand|unroll|unfold|insert|apply|applying|rearrang|simplif|collect|rewrit|telescop)\w*"
    r"|(?:combin|iterat|divid|recurs)(?:e|es|ed|ing|ively)\b|multipl(?:y|ies|ied|ying)\b|sum(?:ming)? (?:up|over))"
    r"|(?:подстав|раскр|распиш|упрост|перепиш|сложи|умнож|выдел)"
    r"|(?:代入|展开|化简|整理)|\beinsetzen\b", re.IGNORECASE)
DERIVATION = _DERIVATION
#: Words that call a formula the previous one rearranged (the same equation, not a new one): only then may a
#: condition that does not follow from the one before be called false.
_REARRANGE = re.compile(r"\b(?:rearrang|simplif|divid|multipl|expand|collect|rewrit|reorder|cancel)\w*"
                        r"|(?:упрост|перепиш|перегрупп|раскр|сократ)|(?:整理|化简|移项|约去)|(?:書き直|書き換え|変形)"
                        r"|\b(?:umstell|vereinfach|umgeform|ausmultipl)\w*", re.IGNORECASE)
_CLAIM = re.compile(
    r"(?:\b(?:hence|thus|therefore|so|we get|we obtain|we have|this gives|which gives|it follows|gives|yields"
    r"|then|equals?|is equal to|becomes|reads)\b|\bравн\w*|\bстановится|\bсоставляет|等于|\bist gleich"
    r"|(?:значит|следовательно|итак|получаем|получим|имеем|откуда|тогда)"
    r"|(?:因此|所以|于是|得到|可得|那么|(?<![规否原正法准细实守])则)|\b(?:somit|daher|folglich|ergibt|erhalten)\b"
    # German "also" (thus) before what follows it, not English "also" (too): "also gilt", "also ist", "also $…$"
    r"|\balso(?=\s*(?:,|gilt\b|ist\b|folgt\b|haben\b|erhalten\b|ergibt\b|\\\(|\$|:))|\balso (?:have|get|obtain|find)\b|(?:따라서|그러므로|그러면|즉))"
    # Japanese: "したがって、…と書き直すことができます", "よって", "が得られる"
    r"|(?:したがって|従って|よって|ゆえに|すなわち|つまり|が得られ|を得る|と書け|書き直|書き換え)"
    # French, Spanish, Portuguese, Italian: "Si $f$ est intégrable, alors : $$…$$" claims under its condition
    r"|\b(?:alors|donc|ainsi|on (?:a|obtient|trouve)|d'où|il vient|entonces|por lo tanto|por lo que|luego|tenemos|obtenemos"
    r"|então|portanto|temos|obtemos|quindi|dunque|abbiamo|si ottiene)\b"
    r"|" + _DERIVATION.pattern, re.IGNORECASE)
CLAIMS = _CLAIM
_CONDITION = re.compile(
    r"(?:\b(?:if|iff|when|whenever|assume|assuming|need|needs|require|requires|condition(?! numbers?\b)|steady state|"
    r"special case|provided|unless|suppose that|such that|solution (?:to|of)|solves|solving|solve for|satisf(?:y|ies|ying)|"
    r"normal equations?|"
    r"root of|imagine|hypothetically)\b"
    r"|^\s*with\s+[^\0,.;:]{0,20}(?:\0|$)"  # an equation to solve states a condition on its unknown
    # "a solution of the differential equation $dy/dx = 2xy^2$": the equation posed, right before its inline formula
    # (not "This gives the final equation:" before a display, which leads into a claim)
    # ("splits into two equations: $e^s = 5$, …": plural, after a colon, as well)
    r"|(?:\bequations?|уравнени[еяю]|\bGleichung(?:en)?|\becuaci[oó]n(?:es)?|[ée]quations?|方程)\s*:?\s*(?:\$|\\\()\s*$"
    r"|(?:если|когда|нужно|необходимо|требуется|услови|стационар|решени\w* уравнени|удовлетворя|нормальн\w* уравнени)"
    r"|(?:^|[,;:])\s*при\b|\bпри\s+(?!\0)"  # not "множитель при $x$"
    # French, Spanish, Portuguese: "vaut 1 si $Y = k$", "cuando $x = 0$" (si only right before its formula:
    # Italian "si ottiene" is "one obtains")
    r"|\bs[ie]\s*(?=\0|(?:\$|\\\()?\s*$)|\b(?:cuando|quand|lorsque?|quando)\b"  # Italian/Portuguese "se $f$ …"
    r"|(?:若|如果|当(?!前)|需要|条件(?!数)|稳态|假设|设想|满足|的解|解方程|正规方程)|\b(?:falls|wenn|angenommen)\b|представ(?:им|ьте)"
    r"|\b(?:nếu|giả sử|jika|apabila|eğer)\b|만약)",  # Vietnamese, Indonesian, Turkish, Korean "if" (not "khi đó": then)
    re.IGNORECASE)
#: Korean puts its cue after the formula it governs: "$\eta = 1/L$일 때" ("when η = 1/L"), "$x > 0$이면" ("if"),
#: "$x_0 = 0$이라 하자" ("let"). The formula before such a word is the condition (or the definition); the
#: display that follows in the sentence is a claim made under it.
_POST_CONDITION = re.compile(r"^[ \t]*(?:일[ \t]*때|이면|라면|(?<![가-힣])면(?![가-힣]))")
_POST_DEFINE = re.compile(r"^[ \t]*(?:이?라고?[ \t]*하자|이?라고?[ \t]*두자|이?라[ \t]*놓자|로[ \t]*두자)"
                          # Japanese: "$x_0 = 1$、$w_0 = b$ とおく" ("let"), after one formula or a list of them
                          r"|^[ \t]*(?:[、，,][ \t]*\$[^$\n]*\$[ \t]*)*(?:と(?:お|置)(?:く|き|こう)|とする|としよう|とします)")
#: An equivalence right after a formula: "$A$ holds if and only if $B$", "$A$ gilt genau dann, wenn …", "当且仅当". The
#: formula before it is one side of what is to be shown, no claim of its own (the one after is a condition already).
_EQUIVALENCE_AFTER = re.compile(
    r"^[\s,]*(?:(?:holds|is true|is satisfied|gilt|ist erfüllt|est vraie|a lieu|se cumple|vale|é válida|выполняется|"
    r"верно|справедливо|成立)\s*)?(?:\b(?:if and only if|iff|genau dann,?\s*wenn|dann und nur dann,?\s*wenn|"
    r"si et seulement si|si y s[oó]lo si|se e somente se|se e solo se)\b|тогда и только тогда|当且仅当|的充要条件)",
    re.IGNORECASE)
#: An event a count or a probability is taken of, named right after its formula: "出现 $x = a, y = c$ 的次数" (the number
#: of times x = a and y = c occur), "$y = 1$ 的概率", "$x = 0$ 时" (when), "$x = 0$ のとき", "$X = k$ となる確率". The
#: formula says which outcomes are counted: a condition, never a value the name keeps.
_EVENT_AFTER = re.compile(r"^[ \t]*(?:的(?:次数|个数|频数|频率|概率|样本(?:数|点)?|数目|时候)|时(?![间刻期代])"
                          r"|(?:の|と)?(?:とき|時)(?![間刻点代])|(?:と|に)なる(?:確率|回数|個数|場合|とき)|の(?:確率|回数|場合))")
#: The same event named before its formula: "the number of samples with $y = c$", "the probability that $X = 1$",
#: "число объектов, у которых $y = c$".
_EVENT_BEFORE = re.compile(r"(?:\bthe (?:number|count|fraction|proportion|share) of (?:\w+ ){0,2}?(?:with|where|for which|"
                           r"in which|such that)|\bthe (?:probability|chance|odds|frequency) (?:that|of)|\bhow (?:many|often)"
                           r"(?: \w+){0,3}|\bчисло (?:\w+ ){0,2}?(?:с|где|для которых|у которых)|\bвероятность(?: того)?,? что)"
                           r"\s*(?:\$\$?|\\\(|\\\[)?\s*$", re.IGNORECASE)
#: A set named by its equation: "the plane $v = 0$", "on the circle $a^2 + b^2 = 1$", "la recta $y = 2x$", "плоскость
#: $z = 0$", "平面 $x + y = 1$": the formula says which points, it gives no letter a value.
_LOCUS_BEFORE = re.compile(
    r"(?:\b(?:planes?|lines?|hyperplanes?|surfaces?|circles?|spheres?|curves?|ellipses?|parabolas?|level sets?|"
    r"constraints?|plano|recta|c[íi]rculo|plan|droite|cercle|Ebene|Gerade|Kreis|piano|retta|cerchio)"
    r"|(?:плоскост\w*|прям\w*|окружност\w*|гиперплоскост\w*|сфер\w*)|(?:平面|直线|圆|超平面|曲线))"
    r"\s*(?:\$\$?|\\\(|\\\[)\s*$", re.IGNORECASE)
LOCUS_BEFORE = _LOCUS_BEFORE
#: A side that is a number (``v = 0``, ``x + y = 1``): a set named so would give a letter a value. (The curve
#: ``y = |x|`` names a function's graph: what y is, which the notes may restate.)
_NUMBER_SIDE = re.compile(r"=\s*[-−]?\s*\d+(?:[.,]\d+)?\s*[.,;]?\s*$|^\s*[-−]?\d+(?:[.,]\d+)?\s*=")
#: A special case named by what it gives: "$\nu = \mu$ gets you damped NAG", "$\beta_1 = \beta_2$ recovers …".
_POST_CASE = re.compile(r"^[ \t]*(?:(?:gives|gets(?: you)?|recovers|reduces (?:it |this )?to|yields|turns (?:it|this) into"
                        r"|даёт|дает|сводится|ergibt|liefert)\b|(?:就)?(?:得到|退化为|变为))", re.IGNORECASE)
#: One parameter set to another (``\nu = \mu``, ``\beta_1 = \beta_2``): the shape of such a case.
_PARAMETER_PAIR = re.compile(r"\s*(?:\\[A-Za-z]+|[A-Za-z])(?:_\{?\w\}?)?\s*=\s*(?:\\[A-Za-z]+|[A-Za-z])(?:_\{?\w\}?)?\s*")
#: A condition stated after its formula: "$x = 0$ when $\beta = 0$", "… = 1 if t = 0".
_TRAILING_CONDITION = re.compile(
    r"^[\s,]*(?:(?:holds|is attained|is reached|is true)\s+)?(?:\b(?:if|when|whenever|provided|only if|as long as|unless)\b"
    r"|\bfor\b(?!\s+(?:all|every|any|each)\b)"
    r"|(?:если|когда)|при(?!\s+(?:всех|любом|любых))|(?:若|如果|当(?!前))|\b(?:falls|wenn)\b"
    r"|\b(?:si|cuando|quand|lorsque?|quando)\b)", re.IGNORECASE)
#: "for some $\\xi$", "there is an $x$": what follows names a point known only to exist (a Taylor remainder).
_EXISTS = re.compile(r"(?:\bfor some|\bthere (?:is|exists)(?: an?| some)?|\bsome)\s*$|(?:для|при) некотор\w*\s*$"
                     r"|существует\s*$|某个\s*$|存在\s*$|\bfür ein\w*\s*$|\bil existe(?: un(?:e)?)?\s*$|\bexiste(?: un[ao]?)?\s*$"
                     r"|\bes gibt(?: ein\w*)?\s*$|\bpour un(?: certain)?\s*$|\bpara (?:algún|alguna|um|uma)\s*$", re.IGNORECASE)
_LABEL = re.compile(r"(?:\*\*(?![^*\n]*(?:Example|Exercise|Beispiel|Exemple|Ejemplo|Esempio|Пример|例))[^*\n]+\*\*"
                    r"|__[^_\n]+__)\s*[:：]?\s*(?:\$\$?|\\\[)?\s*$", re.IGNORECASE)  # (**Example 2**: a worked claim)
_LIST_ITEM = re.compile(r"(?:^|\n)[ \t]*(?:[-*+]|\d{1,3}[.)])[ \t]+(?:\$\$?|\\\()?$")
#: "i.e.", "e.g.", "т.е." end no sentence: the formula after them belongs to the words before.
#: A display that ends with its sentence's full stop (``….\]``, ``….$$``) ends the sentence too.
_SENTENCE_END = re.compile(r"(?<![ (]i\.e)(?<![ (]e\.g)(?<![ (]т\.е)(?<![ (]т\. е)[.!?。！？]"
                           r"(?=\s|$|\\\]|\$\$|\\end\{)|\n[ \t]*\n")
#: "by solving the equivalent system", "the solution of the equation", "решая систему", "求解方程组": the display the
#: words lead into is the equation to solve (a condition on its unknown), not an identity. The object is named:
#: "and dividing by −2 and solving," leads into the value solved, a claim.
#: A lead-in that ends with what something satisfies: the display after it is that condition.
#: Only an optimum's ("the minimiser satisfies", "the optimal w must satisfy"): "the denominator satisfies" claims.
_SATISFIES_END = re.compile(r"(?:minimi[sz]er|maximi[sz]er|optimum|optimal\s+\S+|optimizer|solution|stationary point"
                            r"|минимум\w*|оптимум\w*|решение)\s+(?:(?:must|should|then|also|will)\s+)?"
                            r"(?:satisf(?:y|ies)|удовлетворя\w*)\s*[:,]?\s*$", re.IGNORECASE)
_SOLVE_LEAD = re.compile(
    r"\b(?:solv(?:e|es|ed|ing)|solutions? (?:to|of))\s+(?:(?:the|a|an|this|that|following|equivalent|linear|"
    r"normal|nonlinear|sparse|symmetric|[A-Za-z]+-?(?:by|dimensional|order))\s+){0,4}(?:system|equation)s?\b"
    r"|(?:реш(?:ая|ить|аем|ением|ение)\s+(?:\w+\s+){0,3}(?:систем|уравнени)\w*)|(?:求解|解)\w{0,6}?(?:方程组|方程|线性系统)",
    re.IGNORECASE)
_CLAUSE_END = re.compile(r"[,;:，；：]|(?:则|那么)", re.IGNORECASE)
#: A condition the checker can state: an equation (applied) or a bound (read as the range it is checked in).
_GIVEN = re.compile(r"[=<>≤≥]|\\(?:le|leq|ge|geq|ll|gg|in)\b")
#: A limit or an approximation: what holds under it is asymptotic, not an identity to check.
_LIMITING = re.compile(r"\\(?:to|rightarrow|longrightarrow|approx|sim|simeq|infty|lim)\b|[≈→∞]")
_AND = re.compile(r"\s*(?:and|as well as|и|а также|和|以及|und)\s*", re.IGNORECASE)
_INLINE_MATH = re.compile(r"\$[^$]*\$|\\\(.*?\\\)")
_WINDOW = 240
_OPENER = re.compile(r"(?:\$\$|\\\[|\\begin\{[A-Za-z]+\*?\}(?:\{[^{}]*\})?|```\{math\}[^\n]*\n(?::[^\n]*\n)*)\s*$")
_ALGORITHM = re.compile(r"\\begin\{(algorithmic|algorithm2e|algorithm)\*?\}(.*?)\\end\{\1\*?\}", re.S)


@dataclass(frozen=True)
class Cues:
    """What the prose says about each block (by block number)."""

    defining: frozenset[int]
    claiming: frozenset[int]
    conditional: frozenset[int]
    trailing_condition: frozenset[int]
    sentence: dict[int, int]  # block number -> the offset where its sentence starts (blocks of one sentence share it)
    existential: frozenset[int] = frozenset()  # "for some $\\xi$": the name is only known to exist
    assumed: frozenset[int] = frozenset()  # claims made under a condition of their sentence ("if …, then …")
    # block number -> the TeX of the names its sentence introduces right after it ("…, where $\\theta$ is the angle")
    introduced_after: dict[int, tuple[str, ...]] = field(default_factory=dict)
    modeling: frozenset[int] = frozenset()  # "we fit the regression $y = wx$": a model relating variables
    # block number -> the number the words right after a one-name formula give it ("$\\beta$=0.98")
    stated_values: dict[int, Fraction] = field(default_factory=dict)
    # blocks the words before call a rearrangement of the one before ("rearranging", "dividing by −2", "упростив")
    rearranged: frozenset[int] = frozenset()
    # blocks a lead-in says something satisfies ("the minimiser satisfies⏎⏎$$a = z̄ − bt̄$$"): a property, not a value
    satisfied: frozenset[int] = frozenset()
    # blocks that define only because a list item starts with them ("- $x_2 = 0.64$"): no word says so
    listed: frozenset[int] = frozenset()


def _leads_in(paragraph: str) -> bool:
    """Does the paragraph before a blank line lead into the display after it? It ends with a colon or a comma
    ("we get:"), or with no sentence end at all ("and rearranging terms", "now substituting for $\\alpha$"):
    its words are the display's own. A heading or a finished sentence stands apart."""
    text = paragraph.rstrip()
    last = text.rsplit("\n", 1)[-1].lstrip()
    if not text or last.startswith(("#", "|", ">", "<", "```", ":::")):
        return False
    return not text.endswith((".", "!", "?", "。", "！", "？", "$$", "\\]", "}"))


#: A list item's start inside the words before a formula (the last one): a new clause begins there.
_LIST_ITEM_LINE = re.compile(r"\n[ \t]*(?:[-*+]|\d{1,2}[.)])[ \t]+(?!.*\n[ \t]*(?:[-*+]|\d{1,2}[.)])[ \t])", re.S)


def cues(source: str, blocks: list[MathBlock]) -> Cues:
    """Read the clause before each block and the words right after it."""
    lines = LineMap(source)
    defining, claiming, conditional, trailing, existential, assumed = set(), set(), set(), set(), set(), set()
    modeling: set[int] = set()
    satisfied: set[int] = set()
    rearranged: set[int] = set()
    listed: set[int] = set()
    consequents: set[int] = set()
    sentence: dict[int, int] = {}
    for number, block in enumerate(blocks):
        start = lines.offset(block.line, block.col)
        before = _OPENER.sub("", source[max(0, start - _WINDOW):start])  # "Hence $$": the words, not "$$"
        ends = list(_SENTENCE_END.finditer(before))
        cut = ends[-1].end() if ends else 0
        sentence[number] = max(0, start - _WINDOW) + cut
        if ends and ends[-1].group().startswith("\n") and not before[cut:].strip() \
                and _leads_in(before[:ends[-1].start()]):
            # "And when $ν = 0$ …, we get:⏎⏎$$…$$": the display goes on that sentence, so the equations it
            # states are the display's condition; the words' cues stay with the paragraph they are in
            earlier = ends[-2].end() if len(ends) > 1 else 0
            sentence[number] = max(0, start - _WINDOW) + earlier
            lead = next((c for c in reversed(_CLAUSE_END.split(before[earlier:cut])) if c.strip()), "")
            if _CLAIM.search(lead) and not _DEFINE.search(lead) and not _CONDITION.search(lead):
                claiming.add(number)  # "and rearranging terms⏎⏎$$…$$": the words that lead into it say it follows
                if _REARRANGE.search(before[earlier:cut]):
                    rearranged.add(number)
            elif _SATISFIES_END.search(lead) and not _CLAIM.search(lead):
                conditional.add(number)  # "Show that the minimiser satisfies⏎⏎$$a = z̄ − b t̄$$": what it satisfies
                satisfied.add(number)
            elif (solve := list(_SOLVE_LEAD.finditer(lead))) and \
                    not any(m.start() > solve[-1].end() for m in _CLAIM.finditer(lead)):
                conditional.add(number)  # "found by solving the linear system⏎⏎$$Hw = Hw_k − g$$": the equation solved
        text = _INLINE_MATH.sub("\0", before[cut:])  # earlier formulas of the sentence, one mark each
        tail = text.rsplit("\0", 1)[-1]  # the words since the sentence's last formula
        # the last clause with words: "写成另一种形式：" ends with its colon, and the clause is before it
        clause = next((c for c in reversed(_CLAUSE_END.split(tail)) if c.strip()), "")
        # A condition word counts unless a claim word comes after it: "In the steady state, $v_t = v_{t-1}$"
        # states a condition; "When we substitute, $w_t = …$" and "If $x = 0$, then $y = …$" claim.
        conditions = [m.end() for m in _CONDITION.finditer(text)]
        claims = [m.start() for m in _CLAIM.finditer(text)]
        item_start = _LIST_ITEM_LINE.search(text)
        if conditions and item_start is not None and conditions[-1] <= item_start.start() \
                and _LIST_ITEM.search(source[max(0, start - 12):start]):
            # "e.g., if $s = 10$⏎- $η_5 = η_0$⏎- $η_{10} = η_0γ$": each item holds under the line above it; the
            # condition word is that line's, not the item's
            assumed.add(number)
            conditions = []
        regarded = _regards(before)
        if regarded:
            # "treat θ as a dummy input, i.e.", "将θ看作…，即", "будем считать": the block names things
            defining.add(number)
        elif conditions and not (claims and claims[-1] >= conditions[-1]) \
                and not _consequent(text, tail, clause, conditions[-1], _INLINE_MATH.findall(before[cut:])) \
                and not _worded_consequent(text, tail, conditions[-1], _INLINE_MATH.findall(before[cut:])) \
                and not (number - 1 in consequents and _AND.fullmatch(_strip_opener(tail))):
            conditional.add(number)
        elif conditions and not any(m.start() >= conditions[-1] for m in _DERIVATION.finditer(text)):
            # "we assume a unit mass, so $p = v$": a claim under an assumption the prose states in words
            assumed.add(number)
            consequents.add(number)  # "…, $v_1 = …$ and $v_2 = …$": the next one joined by "and" is one too
        if regarded:
            pass
        elif _CLAIM.search(clause) or _CLAIM.search(tail) and not _DEFINE.search(clause):
            claiming.add(number)  # "now we get", "Unrolling once, $…$": the claim word decides
            if _REARRANGE.search(text):
                rearranged.add(number)
        elif _DEFINE.search(clause) or _LABEL.search(tail) or _labelled_paragraph(before[:cut], tail) or \
                (_LIST_ITEM.search(source[max(0, start - 12):start]) and number not in assumed):
            # "Let …", a bold label before it ("**Stochastic GD**: θ_{t+1} = …"), or a list item that starts
            # with the formula (alternatives: "- $\\eta_t = \\eta_0/t$"): each names, it does not restate
            defining.add(number)
            if not (_DEFINE.search(clause) or _LABEL.search(tail) or _labelled_paragraph(before[:cut], tail)):
                listed.add(number)
        if _MODEL.search(clause) and not _CLAIM.search(clause):
            modeling.add(number)  # "обучить линейную регрессию $y = w x$": the model, not the data's values
        if _POST_CONDITION.match(tail) and text.count("\0") and number - 1 in conditional:
            conditional.discard(number)  # "$\eta = 1/L$일 때 $$…$$": the display is what holds under it
            assumed.add(number)
        after = _words_after(source, lines, block)
        if _EQUIVALENCE_AFTER.match(_words_after(source, lines, block, 80)):
            conditional.add(number)  # "Zeige: $A$ gilt genau dann, wenn $B$": one side of an equivalence, no claim
            claiming.discard(number)
            defining.discard(number)
        elif _POST_CONDITION.match(after) or _EVENT_AFTER.match(after) or _EVENT_BEFORE.search(tail) \
                or _LOCUS_BEFORE.search(tail) and _NUMBER_SIDE.search(block.text):
            # "$\eta = 1/L$일 때", "出现 $y = c_k$ 的次数", "the probability that $X = 1$": the formula is the condition
            conditional.add(number)
            claiming.discard(number)
            defining.discard(number)
        elif _POST_CASE.match(after) and _PARAMETER_PAIR.fullmatch(block.text):
            conditional.add(number)  # "$\nu = \mu$ gets you damped NAG": a special case, not a definition in force
            claiming.discard(number)
            defining.discard(number)
        elif _POST_DEFINE.match(after):
            defining.add(number)  # "$h = 1$이라 하자": let
            claiming.discard(number)
        elif _trailing_condition(source, lines, block):
            trailing.add(number)
        if _EXISTS.search(re.sub(r"(?:\$\$?|\\\\?[(\[]|`)\s*$", "", tail.rstrip())):  # without the opening delimiter
            existential.add(number)
    introduced = {number: names for number, block in enumerate(blocks) if (names := _introduced_after(source, lines, block))}
    stated = {number: value for number, block in enumerate(blocks) if len(block.text) <= 40
              and (value := value_after(block.text, _strip_closer(source[_block_end(source, lines, block):][:40])))
              is not None}
    return Cues(frozenset(defining), frozenset(claiming), frozenset(conditional), frozenset(trailing), sentence,
                frozenset(existential), frozenset(assumed), introduced, frozenset(modeling), stated,
                rearranged=frozenset(rearranged), listed=frozenset(listed), satisfied=frozenset(satisfied))


#: Words that join a block to the condition before it, so that it is part of the condition ("if $a = 1$ and $b = 2$").
_JOINS_CONDITION = re.compile(r"\s*(?:(?:and|or|und|oder|et|ou|y|o|e|и|или)(?![^\W\d_])|且|并且|或|以及|及)",
                              re.IGNORECASE)


def _consequent(text: str, tail: str, clause: str, condition_end: int, formulas: list[str]) -> bool:
    """Is the block the consequent of a condition stated in a clause of its own before it ("if $g_t = g$ is
    constant, $m_t = …$", "当 $\\beta_1 = 0.9$ 时，$v_1 = …$")? The condition word governs its own formula;
    the block starts a new clause right after it (nothing but the clause mark between), so it is a claim
    made under that condition, like "if …, then …", not a condition itself. Equations and bounds make such
    a condition; under a limit ("当 $\\gamma \\to 1$ 时，$\\gamma^{1/(1-\\gamma)} = \\exp(-1)$") the block
    is asymptotic, so it stays a condition. Words of a main clause may lead into the block ("With $v_0 = 0$,
    the first two steps are $$…$$"): the condition word governs its own formula only; words that join the
    block to the condition ("and", "or") keep it a condition."""
    opener = _strip_opener(clause)
    given = _given(text, condition_end, formulas)
    return bool(given) and all(_GIVEN.search(f) and not _LIMITING.search(f) for f in given) \
        and bool(_CLAUSE_END.search(tail)) and not _JOINS_CONDITION.match(opener)


def _given(text: str, condition_end: int, formulas: list[str]) -> list[str]:
    """The formulas of the sentence from the condition word on: the ones it governs ("with $v_0 = 0$": the cue
    ends on its formula, which is the condition's own)."""
    return formulas[text[:condition_end].rstrip("\0 ").count("\0"):]


def _worded_consequent(text: str, tail: str, condition_end: int, formulas: list[str]) -> bool:
    """Is the block the consequent of a condition stated in words alone ("Falls $A$ invertierbar ist, ist der einzige
    kritische Punkt $x^* = −A^{-1}b$", "If the step is small enough, the error after one step is $…$")? The
    condition's clause holds no equation or bound of its own (only names, or no formula), it ends in a clause mark,
    and a main clause of two words or more leads into the block: the block is claimed under that condition, not
    the condition (a clause that only restates it — "i.e.", "that is" — keeps it the condition)."""
    if any(_GIVEN.search(f) or _LIMITING.search(f) for f in _given(text, condition_end, formulas)):
        return False  # (an equation or bound of its own is _consequent's; under a limit the block stays a condition)
    marks = list(_CLAUSE_END.finditer(tail))
    if not marks or tail.rfind("\0") > marks[-1].start():
        return False
    main = _strip_opener(tail[marks[-1].end():])
    if _RESTATES.match(main) or _JOINS_CONDITION.match(main) or _CONDITION.search(main):
        return False
    return len(re.findall(r"[^\W\d_]{2,}", main)) >= 2


#: Words that make what follows the condition again, in other words: "i.e.", "that is", "namely", "т. е.", "即".
_RESTATES = re.compile(r"\s*(?:i\.\s?e\.|e\.\s?g\.|that is|namely|say\b|for example|т\.\s?е\.|то есть|即|也就是|"
                       r"d\.\s?h\.|das heißt|c'est-à-dire|es decir|ou seja)", re.IGNORECASE)


def _strip_opener(words: str) -> str:
    """The words before a block without the block's own inline opener ("$" or "\\(")."""
    return re.sub(r"(?:\$|\\\()\s*$", "", words)


def _regards(before: str) -> bool:
    """Does the sentence before a block say it regards something as something ("将θ看作…，即", "treat b as a weight,
    i.e.")? A paragraph break right before the display does not end that sentence (a period does)."""
    joined = before.rstrip()
    ends = list(_SENTENCE_END.finditer(joined))
    text = _INLINE_MATH.sub("\0", joined[ends[-1].end() if ends else 0:])
    regard = [m.start() for m in _REGARD.finditer(text)]
    claims = [m.start() for m in _CLAIM.finditer(text)]
    return bool(regard) and not (claims and claims[-1] >= regard[-1])


def _labelled_paragraph(previous: str, tail: str) -> bool:
    """A display right after a paragraph that is only a bold label ("**Stochastic Gradient Descent**:")."""
    if tail.strip(" \t\n$\\[") or not previous.strip():
        return False
    return bool(_LABEL.search(previous.rstrip().rsplit("\n", 1)[-1]))


def _words_after(source: str, lines: LineMap, block: MathBlock, width: int = 40) -> str:
    """The words right after a formula (its closing delimiter dropped), up to ``width`` characters."""
    return _strip_closer(source[_block_end(source, lines, block):][:width])


def _trailing_condition(source: str, lines: LineMap, block: MathBlock) -> bool:
    """Does the block's own sentence go on with a condition ("$x = 0$ when $\\beta = 0$")?"""
    if block.text.rstrip().endswith((".", "!", "?", "。")):
        return False  # the formula ends its sentence
    after = _words_after(source, lines, block, 80)
    if re.match(r"[ \t]*(?:[.!?。]|\n[ \t]*\n)", after):
        return False
    m = _TRAILING_CONDITION.match(after)
    if m is None:
        return False
    word = m.group().strip(" ,\t\n")
    return bool(word) and not word[0].isupper()  # "При малом …" after a display starts a new sentence


#: ", where $\\theta$ is the angle", "где $\\theta$ — угол", "其中$\\theta$为夹角": the names the sentence introduces
#: right after a formula (an inline formula or a few joined by "and", then a verb that says what they are).
_WHERE_AFTER = re.compile(
    r"[ \t\n]*[,;，；]?[ \t\n]*(?:where|here|где|здесь|其中|这里|式中)[ \t\n]*"
    r"((?:(?:\$[^$\n]{1,40}\$|\\\(.{1,40}?\\\))[ \t]*(?:,|and|or|и|или|和|与|、)?[ \t]*){1,4})"
    r"(?:is|are|denotes?|stands? for|represents?|means?|collects?|gathers?|groups?|absorbs?|lumps?|contains?|captures?"
    r"|—|–|-|это|есть|обознача\w*|为|是|表示|代表|指)",
    re.IGNORECASE)
_INLINE = re.compile(r"\$([^$\n]+)\$|\\\((.+?)\\\)")


def _introduced_after(source: str, lines: LineMap, block: MathBlock) -> tuple[str, ...]:
    """The TeX of the names that the words right after ``block`` introduce ("where $\\theta$ is …")."""
    if block.text.rstrip().endswith((".", "!", "?", "。")):
        return ()  # the formula ends its sentence
    after = _strip_closer(source[_block_end(source, lines, block):][:160])
    m = _WHERE_AFTER.match(after)
    if m is None:
        return ()
    return tuple((x.group(1) or x.group(2)).strip() for x in _INLINE.finditer(m.group(1)))


def _block_end(source: str, lines: LineMap, block: MathBlock) -> int:
    line, col = block.position(len(block.text))
    return lines.offset(line, col)


def _strip_closer(after: str) -> str:
    """The words after a formula, without its closing delimiter."""
    for closer in ("$$", "$", "\\]", "\\)", "\\\\]", "\\\\)"):
        if after.startswith(closer):
            return after[len(closer):]
    return after


_ZERO_INIT = re.compile(
    r"(?:initiali[sz](?:e|ed|ing)|start(?:s|ed|ing)?|set)\s+(?:\S+\s+){0,4}?(?:to|at|from|with)\s+(?:zero|0)\b"
    r"|(?:initial|starting)\s+values?\s+(?:of\s+)?(?:\S+\s+){0,3}?(?:is|are)\s+(?:zero|0)\b"
    r"|初始化为\s*0|初始化为零|инициализ\w*\s+(?:\S+\s+){0,3}?нул|начина\w*\s+с\s+нул", re.IGNORECASE)


def zero_initialized(visible: str) -> bool:
    """Does the prose say the optimizer's state starts at zero ("initialized to 0", "初始化为 0")?"""
    return _ZERO_INIT.search(visible) is not None


def algorithm_groups(visible: str, blocks: list[MathBlock]) -> dict[int, int]:
    """Blocks inside one ``algorithmic`` (``\\State $m_t \\gets …$`` rows): block number -> group."""
    lines = LineMap(visible)
    spans = [(m.start(), m.end()) for m in _ALGORITHM.finditer(visible)]
    starts = [a for a, _ in spans]
    groups: dict[int, int] = {}
    for number, block in enumerate(blocks):
        at = lines.offset(block.line, block.col)
        g = bisect_right(starts, at) - 1
        if g >= 0 and at < spans[g][1]:
            groups[number] = g
    return groups
