"""What the generated questions ask, and how people phrase it (used by build.py).

A question is a concept (one figure, or a sum of figures) plus a phrasing. Phrasings are colloquial on purpose —
拒绝/不给公开, 网上, 公司/企业, 律师事务所, 打官司/起诉, 复议 — and mostly avoid copying the row labels. ``{who}`` and
``{when}`` are filled with an agency name and a year for a question over the whole corpus, and left empty (zh) or
made generic (en) for a question asked within one report.
"""

from __future__ import annotations

from dataclasses import dataclass

from reportqa.parsing.template_rows import CARRIED, CARRY_ON, NEW, T3, T4, TOTAL
from reportqa.parsing.template_rows import RESULTS as R

T2 = "二、主动公开政府信息情况"

REFUSED = [(R, "（三）不予公开", leaf) for leaf in (
    "1.属于国家秘密", "2.其他法律行政法规禁止公开", "3.危及“三安全一稳定”", "4.保护第三方合法权益",
    "5.属于三类内部事务信息", "6.属于四类过程性信息", "7.属于行政执法案卷", "8.属于行政查询事项")]
CANNOT = [(R, "（四）无法提供", leaf) for leaf in (
    "1.本机关不掌握相关政府信息", "2.没有现成信息需要另行制作", "3.补正后申请内容仍不明确")]
NOT_PROCESSED = [(R, "（五）不予处理", leaf) for leaf in (
    "1.信访举报投诉类申请", "2.重复申请", "3.要求提供公开出版物", "4.无正当理由大量反复申请",
    "5.要求行政机关确认或重新出具已获取信息")]
ORGANISATIONS = ("商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他")
REVIEW = ("行政复议",)
SUIT_DIRECT, SUIT_AFTER = ("行政诉讼", "未经复议直接起诉"), ("行政诉讼", "复议后起诉")

Cell = tuple[str, tuple[str, ...], str | None]  # (table, path, column); old format: ("old", (concept key,), None)


def t3(path: tuple[str, ...], column: str = "总计") -> Cell:
    return (T3, path, column)


def old(key: str) -> Cell:
    return ("old", (key,), None)


@dataclass(frozen=True)
class Concept:
    """A figure (one cell) or a sum of figures, with the ways people ask for it."""

    id: str
    cells: tuple[Cell, ...]
    zh: tuple[str, ...]
    en: tuple[str, ...] = ()

    @property
    def kind(self) -> str:
        return "lookup" if len(self.cells) == 1 else "aggregate"


def c(id: str, cells: list[Cell] | Cell, zh: list[str], en: list[str] | None = None) -> Concept:
    cells = [cells] if isinstance(cells, tuple) else cells
    return Concept(id, tuple(cells), tuple(zh), tuple(en or ()))


TEMPLATE_CONCEPTS: tuple[Concept, ...] = (
    c("new_total", t3(NEW), ["{who}{when}收到了多少件信息公开申请？", "{when}{who}一共新收到几份政府信息公开申请",
                             "{who}{when}有多少人来申请公开信息？（按件数）"],
      ["How many information disclosure requests did {who} receive{when}?",
       "How many new disclosure applications came in for {who}{when}?"]),
    c("new_individuals", t3(NEW, "自然人"), ["{who}{when}收到的申请里，老百姓个人提的有多少件？",
                                            "{when}{who}公民个人提交了几件公开申请"],
      ["How many requests did individual citizens file with {who}{when}?"]),
    c("new_companies", t3(NEW, "商业企业"), ["{who}{when}有多少件申请是公司提的？", "{when}企业向{who}申请公开了几次",
                                            "{who}{when}企业申请了多少件？"],
      ["How many requests came from companies to {who}{when}?"]),
    c("new_law_firms", t3(NEW, "法律服务机构"),
      ["{who}{when}律师事务所提了多少件申请？", "{when}律所等法律服务机构向{who}申请了几件"],
      ["How many requests did law firms file with {who}{when}?"]),
    c("new_research", t3(NEW, "科研机构"), ["{who}{when}科研院所申请了几件？"],
      ["How many requests came from research institutes to {who}{when}?"]),
    c("new_ngo", t3(NEW, "社会公益组织"), ["{when}{who}收到公益组织的申请多少件"]),
    c("carried", t3(CARRIED), ["{who}{when}从上一年转过来的申请有几件？", "{when}{who}上年结转过来没办完的申请多少件"],
      ["How many requests were carried over from the previous year at {who}{when}?"]),
    c("granted", t3((R, "（一）予以公开")), ["{who}{when}全部同意公开的有多少件？", "{when}{who}批准公开的申请有几件"],
      ["How many requests did {who} grant in full{when}?"]),
    c("partial", t3((R, "（二）部分公开")), ["{who}{when}只公开了一部分的申请有几件？", "{when}{who}部分公开的有多少"],
      ["How many requests were partially granted by {who}{when}?"]),
    c("not_held", t3(CANNOT[0]), ["{who}{when}因为本单位没有掌握这个信息而给不了的有多少件？",
                                  "{when}{who}答复说不掌握相关信息的有几件"],
      ["How many requests could {who} not answer{when} because it did not hold the information?"]),
    c("third_party", t3(REFUSED[3]), ["{who}{when}为了保护第三方权益没给公开的有几件？"],
      ["How many requests were withheld{when} to protect third parties' rights at {who}?"]),
    c("process_info", t3(REFUSED[5]), ["{when}{who}以过程性信息为由拒绝公开的有几件"]),
    c("state_secret", t3(REFUSED[0]), ["{who}{when}因为涉及国家秘密不给公开的有几件？"]),
    c("petitions", t3(NOT_PROCESSED[0]), ["{who}{when}有几件申请其实是信访、举报、投诉，没按公开申请处理？"],
      ["How many requests at {who}{when} were really petitions or complaints and not processed?"]),
    c("repeats", t3(NOT_PROCESSED[1]), ["{when}{who}重复申请的有多少件"],
      ["How many repeat requests did {who} get{when}?"]),
    c("handled", t3(TOTAL), ["{who}{when}一共办结了多少件申请？", "{when}{who}处理完的申请总共几件"],
      ["How many requests did {who} close{when}?"]),
    c("carry_on", t3(CARRY_ON),
      ["{who}{when}还有多少件申请留到下一年继续办？", "{when}{who}年底还没办完、结转到下年度的有几件"],
      ["How many requests were still pending at year end at {who}{when}?"]),
    c("review_total", (T4, REVIEW, "总计"),
      ["{who}{when}因为信息公开被申请行政复议了几次？", "{when}{who}被复议了多少件"],
      ["How many administrative reconsideration cases about disclosure did {who} face{when}?"]),
    c("review_corrected", (T4, REVIEW, "结果纠正"), ["{who}{when}复议后被纠正的有几件？"],
      ["In how many reconsideration cases was {who} corrected{when}?"]),
    c("review_upheld", (T4, REVIEW, "结果维持"), ["{when}{who}复议维持原来答复的有几件"]),
    c("suit_direct", (T4, SUIT_DIRECT, "总计"), ["{who}{when}没经过复议直接被告上法庭的有几件？",
                                                "{when}{who}被直接起诉（没先复议）的官司有多少"],
      ["How many lawsuits were filed against {who}{when} without going through reconsideration first?"]),
    c("suit_after", (T4, SUIT_AFTER, "总计"), ["{who}{when}复议之后又被起诉的有几件？"],
      ["How many cases went to court after reconsideration at {who}{when}?"]),
    c("normative_made", (T2, ("第二十条第（一）项", "行政规范性文件"), "本年制发件数"),
      ["{who}{when}新出台了几件规范性文件？", "{when}{who}制发了多少个行政规范性文件"],
      ["How many normative documents did {who} issue{when}?"]),
    c("normative_in_force", (T2, ("第二十条第（一）项", "行政规范性文件"), "现行有效件数"),
      ["{who}{when}现行有效的规范性文件还有多少件？"], ["How many normative documents of {who} were in force{when}?"]),
    c("normative_repealed", (T2, ("第二十条第（一）项", "行政规范性文件"), "本年废止件数"),
      ["{when}{who}废止了几件规范性文件"]),
    c("licensing", (T2, ("第二十条第（五）项", "行政许可"), "本年处理决定数量"),
      ["{who}{when}作出了多少个行政许可决定？", "{when}{who}办了多少件行政许可"],
      ["How many administrative licensing decisions did {who} make{when}?"]),
    c("penalties", (T2, ("第二十条第（六）项", "行政处罚"), "本年处理决定数量"),
      ["{who}{when}开了多少张罚单（行政处罚决定）？", "{when}{who}行政处罚决定有多少件"],
      ["How many administrative penalty decisions did {who} make{when}?"]),
    c("coercion", (T2, ("第二十条第（六）项", "行政强制"), "本年处理决定数量"),
      ["{when}{who}采取行政强制的决定有几件"]),
    c("fees", (T2, ("第二十条第（八）项", "行政事业性收费"), "本年收费金额"),
      ["{who}{when}行政事业性收费收了多少钱？", "{when}{who}的收费金额是多少万元"],
      ["How much did {who} collect in administrative fees{when}?"]),
    # sums the report does not state itself
    c("refused_total", [t3(p) for p in REFUSED],
      ["{who}{when}不予公开的有多少件？", "{when}{who}拒绝公开的申请一共几件", "{who}{when}不给公开的一共有多少"],
      ["How many requests did {who} refuse{when}?", "How many disclosure requests were denied by {who}{when}?"]),
    c("cannot_total", [t3(p) for p in CANNOT], ["{who}{when}无法提供的一共多少件？"],
      ["How many requests could {who} not provide information for{when}, in total?"]),
    c("not_processed_total", [t3(p) for p in NOT_PROCESSED], ["{when}{who}不予处理的申请总共有几件"]),
    c("suits_total", [(T4, SUIT_DIRECT, "总计"), (T4, SUIT_AFTER, "总计")],
      ["{who}{when}行政诉讼一共多少件？", "{when}{who}因为信息公开被起诉、打官司一共几次"],
      ["How many disclosure lawsuits did {who} face in total{when}?"]),
    c("organisations", [t3(NEW, col) for col in ORGANISATIONS],
      ["{who}{when}单位（法人或其他组织）一共提交了多少件申请？", "{when}{who}不是个人、而是各类组织提的申请有几件"],
      ["How many requests came from organisations rather than individuals at {who}{when}?"]),
    c("companies_and_law_firms", [t3(NEW, "商业企业"), t3(NEW, "法律服务机构")],
      ["{who}{when}企业和律师事务所加起来申请了多少件？"],
      ["How many requests did companies and law firms file with {who}{when}, combined?"]),
    c("granted_any", [t3((R, "（一）予以公开")), t3((R, "（二）部分公开"))],
      ["{who}{when}全部公开和部分公开加起来有多少件？"],
      ["How many requests did {who} grant in full or in part{when}?"]),
    c("workload", [t3(NEW), t3(CARRIED)], ["{when}{who}新收的加上上年结转的，一共要办多少件申请？"]),
    c("cases_total", [(T4, REVIEW, "总计"), (T4, SUIT_DIRECT, "总计"), (T4, SUIT_AFTER, "总计")],
      ["{who}{when}复议和诉讼加起来一共多少件？"],
      ["How many reconsideration and lawsuit cases did {who} have altogether{when}?"]),
    c("enforcement", [(T2, ("第二十条第（六）项", "行政处罚"), "本年处理决定数量"),
                      (T2, ("第二十条第（六）项", "行政强制"), "本年处理决定数量")],
      ["{when}{who}行政处罚和行政强制决定一共多少件"]),
)

OLD_CONCEPTS: tuple[Concept, ...] = (
    c("received", old("received"), ["{who}{when}共收到多少件信息公开申请？", "{when}{who}受理了几件依申请公开"],
      ["How many information disclosure requests did {who} receive{when}?"]),
    c("online", old("received.online"), ["{who}{when}网上申请有多少件？", "{when}{who}通过网络提交的申请几件"],
      ["How many requests were submitted online to {who}{when}?"]),
    c("in_person", old("received.in_person"), ["{who}{when}当面去现场申请的有多少件？"],
      ["How many requests were made in person at {who}{when}?"]),
    c("mail", old("received.mail"), ["{when}{who}写信申请的有几件"],
      ["How many requests were sent by mail to {who}{when}?"]),
    c("fax", old("received.fax"), ["{who}{when}传真申请了几件？"]),
    c("granted", old("replied.granted"), ["{who}{when}同意公开的答复有多少件？"],
      ["How many requests did {who} agree to disclose{when}?"]),
    c("refused", old("replied.refused"), ["{who}{when}拒绝公开的有多少件？", "{when}{who}不给公开的申请有几件"],
      ["How many requests did {who} refuse{when}?"]),
    c("not_gov_info", old("refused.not_gov_info"), ["{when}{who}因为不属于《条例》所说的政府信息而不公开的有几件"]),
    c("not_exist", old("replied.not_exist"), ["{who}{when}申请的信息根本不存在的有多少件？"]),
    c("delayed", old("completed.delayed"), ["{who}{when}延期办结的有几件？"],
      ["How many requests did {who} complete late (with an extension){when}?"]),
    c("review", old("reconsideration"), ["{who}{when}因为信息公开被申请行政复议几件？"],
      ["How many administrative reconsideration cases about disclosure did {who} have{when}?"]),
    c("review_corrected", old("reconsideration.corrected"), ["{when}{who}复议被依法纠错的有几件"]),
    c("lawsuits", old("lawsuit"), ["{who}{when}因为信息公开被告上法庭几次？", "{when}{who}打了多少件信息公开官司"],
      ["How many disclosure lawsuits did {who} face{when}?"]),
    c("proactive", old("proactive.total"), ["{who}{when}主动公开了多少条政府信息？"],
      ["How many items of government information did {who} proactively publish{when}?"]),
    c("website", old("proactive.website"), ["{when}{who}在政府网站上公开了多少条信息"]),
    c("press", old("response.press"), ["{who}{when}开了几次新闻发布会？"],
      ["How many press conferences did {who} hold{when}?"]),
    c("budget", old("staffing.budget"), ["{who}{when}信息公开专项经费有多少万元？"],
      ["What was {who}'s dedicated budget for information disclosure{when}?"]),
    c("full_time", old("staffing.full_time"), ["{who}{when}专职搞信息公开的有几个人？"],
      ["How many full-time staff worked on information disclosure at {who}{when}?"]),
    c("trainees", old("meetings.trainees"), ["{when}{who}信息公开培训了多少人次"]),
    # sums the report does not state itself
    c("online_and_mail", [old("received.online"), old("received.mail")],
      ["{who}{when}网上和写信申请的加起来有多少件？"],
      ["How many requests came online or by mail to {who}{when}, combined?"]),
    c("granted_any", [old("replied.granted"), old("replied.partial")],
      ["{who}{when}同意公开和部分公开的一共多少件？"]),
    c("cases_total", [old("reconsideration"), old("lawsuit")], ["{when}{who}复议和诉讼加起来一共几件"],
      ["How many reconsideration and lawsuit cases did {who} have in total{when}?"]),
)

# (concept id, zh core, en core) for comparing one agency's figure across two years: {more} is 多/少, {more_en}
# more/fewer
COMPARE_TEMPLATE = (
    ("new_total", "{who}{y2}年比{y1}年{more}收到多少件信息公开申请？",
     "How many {more_en} disclosure requests did {who} receive in {y2} than in {y1}?"),
    ("refused_total", "{who}{y2}年拒绝公开的申请比{y1}年{more}了几件？",
     "How many {more_en} requests did {who} refuse in {y2} than in {y1}?"),
    ("review_total", "{who}{y2}年被申请复议的件数比{y1}年{more}了几件？", ""),
    ("granted", "和{y1}年相比，{who}{y2}年全部公开的申请{more}了多少件？", ""),
    ("licensing", "{who}{y2}年的行政许可决定比{y1}年{more}了多少件？",
     "How many {more_en} licensing decisions did {who} make in {y2} than in {y1}?"),
    ("new_companies", "{who}{y2}年企业提的申请比{y1}年{more}几件？", ""),
)
COMPARE_OLD = (
    ("received", "{who}{y2}年比{y1}年{more}收到多少件信息公开申请？",
     "How many {more_en} disclosure requests did {who} receive in {y2} than in {y1}?"),
    ("online", "{who}{y2}年网上申请比{y1}年{more}了多少件？",
     "How many {more_en} online requests did {who} get in {y2} than in {y1}?"),
    ("refused", "{who}{y2}年不给公开的比{y1}年{more}几件？", ""),
    ("proactive", "{who}{y2}年主动公开的信息比{y1}年{more}多少条？", ""),
)
