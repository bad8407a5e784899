"""The national template's fixed table titles, row paths and columns (the Fact conventions of tables_template.py),
named once for the code that reasons about them: checks, the synthetic generator and the generated eval set."""

from ..documents import APPLICANT_COLUMNS as APPLICANT_COLUMNS  # the data model's, named here with the rest

T2 = "二、主动公开政府信息情况"
T3 = "三、收到和处理政府信息公开申请情况"
T4 = "四、政府信息公开行政复议、行政诉讼情况"
NEW = ("一、本年新收政府信息公开申请数量",)
CARRIED = ("二、上年结转政府信息公开申请数量",)
RESULTS = "三、本年度办理结果"
TOTAL = (RESULTS, "（七）总计")
CARRY_ON = ("四、结转下年度继续办理",)
T4_PARTS = ("结果维持", "结果纠正", "其他结果", "尚未审结")
