<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>AddUserDialog</name>
    <message>
        <location filename="../../src/chc_desktop/ui/admin/users_page.py" line="125"/>
        <source>添加用户</source>
        <translation>Add user</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/admin/users_page.py" line="130"/>
        <source>小写字母、数字和 . _ -</source>
        <translation>lower-case letters, digits and . _ -</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/admin/users_page.py" line="139"/>
        <source>（不指定）</source>
        <translation>(none)</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/admin/users_page.py" line="146"/>
        <source>用户名</source>
        <translation>User name</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/admin/users_page.py" line="147"/>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/admin/users_page.py" line="148"/>
        <source>角色</source>
        <translation>Role</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/admin/users_page.py" line="149"/>
        <source>所属机构</source>
        <translation>Site</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/admin/users_page.py" line="153"/>
        <source>初始密码</source>
        <translation>Initial password</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/admin/users_page.py" line="153"/>
        <source>再次输入密码</source>
        <translation>Repeat password</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/admin/users_page.py" line="154"/>
        <source>密码至少 8 位，需同时包含字母和数字。请当面告知本人，并提醒其登录后修改。</source>
        <translation>At least 8 characters with both letters and digits. Tell the person face to face and ask them to change it after logging in.</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/admin/users_page.py" line="158"/>
        <source>添加</source>
        <translation>Add</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/admin/users_page.py" line="158"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/admin/users_page.py" line="172"/>
        <source>两次输入的密码不一致</source>
        <translation>The two passwords differ</translation>
    </message>
</context>
<context>
    <name>AdminPage</name>
    <message>
        <location filename="../../src/chc_desktop/ui/admin/admin_page.py" line="24"/>
        <source>用户</source>
        <translation>Users</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/admin/admin_page.py" line="25"/>
        <source>政策参数</source>
        <translation>Policy parameters</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/admin/admin_page.py" line="26"/>
        <source>居委会</source>
        <translation>Committees</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/admin/admin_page.py" line="30"/>
        <source>家庭医生团队</source>
        <translation>Family-doctor teams</translation>
    </message>
</context>
<context>
    <name>ApplicationDialog</name>
    <message>
        <location filename="../../src/chc_desktop/ui/homebeds/dialogs.py" line="160"/>
        <source>申请家庭病床</source>
        <translation>Apply for a home hospital bed</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/homebeds/dialogs.py" line="162"/>
        <source>如 脑梗死后遗症</source>
        <translation>e.g. sequelae of cerebral infarction</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/homebeds/dialogs.py" line="163"/>
        <source>如 I69.3</source>
        <translation>e.g. I69.3</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/homebeds/dialogs.py" line="167"/>
        <source>如 长期卧床，需定期换药和康复指导</source>
        <translation>e.g. bedridden, needs regular dressing changes and rehabilitation guidance</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/homebeds/dialogs.py" line="172"/>
        <source>建床诊断 *</source>
        <translation>Diagnosis *</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/homebeds/dialogs.py" line="173"/>
        <source>家床类型</source>
        <translation>Bed type</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/homebeds/dialogs.py" line="174"/>
        <source>收治指征和建床理由 *</source>
        <translation>Indication and reason *</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/homebeds/dialogs.py" line="175"/>
        <source>病情摘要</source>
        <translation>Clinical summary</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/homebeds/dialogs.py" line="179"/>
        <source>提交申请</source>
        <translation>Submit application</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/homebeds/dialogs.py" line="179"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/homebeds/dialogs.py" line="202"/>
        <source>申请尚未提交。放弃填写的内容吗？</source>
        <translation>The application has not been submitted. Discard what you entered?</translation>
    </message>
</context>
<context>
    <name>AssessmentEditor</name>
    <message>
        <location filename="../../src/chc_desktop/ui/hospice/assessment_editor.py" line="261"/>
        <location filename="../../src/chc_desktop/ui/hospice/assessment_editor.py" line="885"/>
        <source>安宁疗护评估</source>
        <translation>Hospice care assessment</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/hospice/assessment_editor.py" line="280"/>
        <source>签署后内容已被改动，请核查。</source>
        <translation>Changed after sign-off: please check.</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/hospice/assessment_editor.py" line="322"/>
        <source>修订（新建版本）</source>
        <translation>Revise (new version)</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/hospice/assessment_editor.py" line="323"/>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/hospice/assessment_editor.py" line="324"/>
        <source>保存（Ctrl+S）</source>
        <translation>Save (Ctrl+S)</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/hospice/assessment_editor.py" line="325"/>
        <location filename="../../src/chc_desktop/ui/hospice/assessment_editor.py" line="1022"/>
        <source>保存并签署</source>
        <translation>Save and sign off</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/hospice/assessment_editor.py" line="326"/>
        <source>签署后评估被锁定，不能再修改</source>
        <translation>Once signed off, the assessment is locked and cannot be changed</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/hospice/assessment_editor.py" line="327"/>
        <location filename="../../src/chc_desktop/ui/hospice/assessment_editor.py" line="909"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/hospice/assessment_editor.py" line="328"/>
        <source>取消（Esc）</source>
        <translation>Cancel (Esc)</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/hospice/assessment_editor.py" line="388"/>
        <source>诊断与预后</source>
        <translation>Diagnosis and prognosis</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/hospice/assessment_editor.py" line="393"/>
        <source>如 胰腺癌肝转移</source>
        <translation>e.g. pancreatic cancer with liver metastases</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/hospice/assessment_editor.py" line="397"/>
        <source>如 C25.9</source>
        <translation>e.g. C25.9</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/hospice/assessment_editor.py" line="401"/>
        <source>未估计</source>
        <translation>not estimated</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/hospice/assessment_editor.py" line="402"/>
        <source> 个月</source>
        <translation> months</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/hospice/assessment_editor.py" line="403"/>
        <source>终末期疾病</source>
        <translation>End-stage disease</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/hospice/assessment_editor.py" line="404"/>
        <source>难治性疼痛</source>
        <translation>Refractory pain</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/hospice/assessment_editor.py" line="409"/>
        <source>诊断</source>
        <translation>Diagnosis</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/hospice/assessment_editor.py" line="410"/>
        <source>ICD-10</source>
        <translation>ICD-10</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/hospice/assessment_editor.py" line="411"/>
        <source>预计生存期</source>
        <translation>Estimated survival</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/hospice/assessment_editor.py" line="414"/>
        <source>KPS 卡氏功能状态评分</source>
        <translation>KPS Karnofsky Performance Status</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/hospice/assessment_editor.py" line="417"/>
        <location filename="../../src/chc_desktop/ui/hospice/assessment_editor.py" line="426"/>
        <source>（未评）</source>
        <translation>(not assessed)</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/hospice/assessment_editor.py" line="425"/>
        <source>PPS v2 姑息功能评价量表</source>
        <translation>PPS v2 Palliative Performance Scale</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/hospice/assessment_editor.py" line="431"/>
        <source>0% — 死亡</source>
        <translation>0% — death</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/hospice/assessment_editor.py" line="432"/>
        <source>按栏目引导</source>
        <translation>Column guide</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/hospice/assessment_editor.py" line="436"/>
        <source>按 PPS v2 的五个栏目逐栏选择，由左栏起确定 PPS 等级</source>
        <translation>Choose in each of the five PPS v2 columns in turn; the PPS level is found from the left column on</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/hospice/assessment_editor.py" line="449"/>
        <location filename="../../src/chc_desktop/ui/hospice/assessment_editor.py" line="481"/>
        <location filename="../../src/chc_desktop/ui/hospice/assessment_editor.py" line="526"/>
        <source>（请选择）</source>
        <translation>(choose)</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/hospice/assessment_editor.py" line="458"/>
        <source>① 活动能力</source>
        <translation>① Ambulation</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/hospice/assessment_editor.py" line="459"/>
        <source>② 活动/疾病</source>
        <translation>② Activity/disease</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/hospice/assessment_editor.py" line="460"/>
        <source>③ 自我照顾</source>
        <translation>③ Self-care</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/hospice/assessment_editor.py" line="461"/>
        <source>④ 进食</source>
        <translation>④ Intake</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/hospice/assessment_editor.py" line="462"/>
        <source>⑤ 意识水平</source>
        <translation>⑤ Conscious level</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/hospice/assessment_editor.py" line="466"/>
        <source>先定活动能力，再依次向右逐栏选择；左栏优先。</source>
        <translation>Choose ambulation first, then each column to the right in turn; columns further left take precedence.</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/hospice/assessment_editor.py" line="476"/>
        <source>PPI 姑息预后指数</source>
        <translation>PPI Palliative Prognostic Index</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/hospice/assessment_editor.py" line="482"/>
        <source>水肿</source>
        <translation>Oedema</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/hospice/assessment_editor.py" line="483"/>
        <source>静息时呼吸困难</source>
        <translation>Dyspnoea at rest</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/hospice/assessment_editor.py" line="484"/>
        <source>谵妄</source>
        <translation>Delirium</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/hospice/assessment_editor.py" line="485"/>
        <source>经口进食</source>
        <translation>Oral intake</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/hospice/assessment_editor.py" line="492"/>
        <source>PPI 按上面所评的 PPS 计算。</source>
        <translation>The PPI uses the PPS scored above.</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/hospice/assessment_editor.py" line="518"/>
        <source>ESAS-r 埃德蒙顿症状评估</source>
        <translation>ESAS-r Edmonton Symptom Assessment System</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/hospice/assessment_editor.py" line="522"/>
        <source>0 = 无，10 = 可想象的最严重程度</source>
        <translation>0 = none, 10 = worst possible</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/hospice/assessment_editor.py" line="530"/>
        <source>其他问题（可选）</source>
        <translation>Other problem (optional)</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/hospice/assessment_editor.py" line="533"/>
        <source>其他问题的评分，0–10</source>
        <translation>Score of the other problem, 0–10</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/hospice/assessment_editor.py" line="537"/>
        <source>填写人</source>
        <translation>Completed by</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/hospice/assessment_editor.py" line="539"/>
        <source>其他</source>
        <translation>Other</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/hospice/assessment_editor.py" line="541"/>
        <source>各项 0 = 无，10 = 可想象的最严重程度。</source>
        <translation>Each item: 0 = none, 10 = worst possible.</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/hospice/assessment_editor.py" line="543"/>
        <source>Barthel 指数</source>
        <translation>Barthel Index</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/hospice/assessment_editor.py" line="546"/>
        <source>%1 分</source>
        <translation>%1 pts</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/hospice/assessment_editor.py" line="552"/>
        <source>老年人生活自理能力</source>
        <translation>Elderly self-care ability</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/hospice/assessment_editor.py" line="570"/>
        <source>照护条件、意愿与知情同意</source>
        <translation>Care at home, wishes and consent</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/hospice/assessment_editor.py" line="574"/>
        <source>有照护者</source>
        <translation>Has a caregiver</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/hospice/assessment_editor.py" line="575"/>
        <source>照护者有能力</source>
        <translation>Caregiver able</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/hospice/assessment_editor.py" line="576"/>
        <source>24 小时照护</source>
        <translation>24-hour care</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/hospice/assessment_editor.py" line="577"/>
        <source>居家环境适宜</source>
        <translation>Home suitable</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/hospice/assessment_editor.py" line="578"/>
        <source>知晓诊断</source>
        <translation>Aware of diagnosis</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/hospice/assessment_editor.py" line="579"/>
        <source>知晓预后</source>
        <translation>Aware of prognosis</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/hospice/assessment_editor.py" line="580"/>
        <source>同意安宁疗护</source>
        <translation>Consents to hospice care</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/hospice/assessment_editor.py" line="581"/>
        <source>同意信息共享</source>
        <translation>Consents to sharing</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/hospice/assessment_editor.py" line="582"/>
        <source>照护者有能力照护患者</source>
        <translation>The caregiver is able to care for the patient</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/hospice/assessment_editor.py" line="583"/>
        <source>有人 24 小时在家照护</source>
        <translation>Someone is at home to give care 24 hours a day</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/hospice/assessment_editor.py" line="584"/>
        <source>知情同意接受安宁疗护（不再进行治愈性治疗）</source>
        <translation>Informed consent to hospice care (no further curative treatment)</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/hospice/assessment_editor.py" line="585"/>
        <source>同意在医疗机构之间共享评估信息</source>
        <translation>Consents to the assessment being shared between healthcare providers</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/hospice/assessment_editor.py" line="587"/>
        <source>未表达</source>
        <translation>Not expressed</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/hospice/assessment_editor.py" line="587"/>
        <location filename="../../src/chc_desktop/ui/hospice/assessment_editor.py" line="629"/>
        <source>居家</source>
        <translation>Home</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/hospice/assessment_editor.py" line="587"/>
        <location filename="../../src/chc_desktop/ui/hospice/assessment_editor.py" line="630"/>
        <source>机构</source>
        <translation>Inpatient</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/hospice/assessment_editor.py" line="590"/>
        <source>患者/家属意愿</source>
        <translation>Patient/family wish</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/hospice/assessment_editor.py" line="602"/>
        <source>舒缓照护协调</source>
        <translation>Palliative care coordination</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/hospice/assessment_editor.py" line="605"/>
        <source>（未填）</source>
        <translation>(not filled in)</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/hospice/assessment_editor.py" line="627"/>
        <source>安排</source>
        <translation>Care setting</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/hospice/assessment_editor.py" line="631"/>
        <source>暂不安排</source>
        <translation>None for now</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/hospice/assessment_editor.py" line="641"/>
        <source>与建议不同的理由（必填）</source>
        <translation>Reason for differing from the recommendation (required)</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/hospice/assessment_editor.py" line="874"/>
        <source>不符合条件</source>
        <translation>not eligible</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/hospice/assessment_editor.py" line="876"/>
        <source>按现行规则（版本 %1）的结果为：%2</source>
        <translation>Under the current rules (version %1) the result is: %2</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/hospice/assessment_editor.py" line="888"/>
        <source>新建评估</source>
        <translation>New assessment</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/hospice/assessment_editor.py" line="891"/>
        <source>已签署（只读）</source>
        <translation>Signed off (read-only)</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/hospice/assessment_editor.py" line="891"/>
        <source>未签署</source>
        <translation>Not signed off</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/hospice/assessment_editor.py" line="893"/>
        <source>第 %1 版&#x3000;%2 评估&#x3000;%3</source>
        <translation>Version %1  assessed %2  %3</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/hospice/assessment_editor.py" line="909"/>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/hospice/assessment_editor.py" line="911"/>
        <source>已签署的评估不能修改，右侧为签署时的结果；如需更改，请“修订”为新版本。</source>
        <translation>A signed-off assessment cannot be changed; the right shows the result as signed. To change it, “Revise” it as a new version.</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/hospice/assessment_editor.py" line="913"/>
        <source>您的角色只能查看安宁疗护评估。</source>
        <translation>Your role can only view hospice care assessments.</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/hospice/assessment_editor.py" line="916"/>
        <source>勾选量表标题即评估该量表，未勾选、未选择的视为未评。右侧结果随填写即时更新；安排默认按建议，改为其他安排须写明理由。</source>
        <translation>Tick an instrument’s title to assess it; what is not ticked or not chosen counts as not assessed. The result on the right updates as you fill in; the care setting follows the recommendation unless you choose another, which needs a reason.</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/hospice/assessment_editor.py" line="968"/>
        <source>按栏目引导：PPS %1%</source>
        <translation>Column guide: PPS %1%</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/hospice/assessment_editor.py" line="986"/>
        <source>请先改正右侧红字所示的问题</source>
        <translation>First correct the problems shown in red on the right</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/hospice/assessment_editor.py" line="1023"/>
        <source>签署后评估将被锁定，不能再修改；如需更改只能修订为新版本。确定保存并签署吗？</source>
        <translation>Once signed off, the assessment is locked and cannot be changed; any change needs a revision (a new version). Save and sign off?</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/hospice/assessment_editor.py" line="1039"/>
        <source>已保存，但未能签署：%1</source>
        <translation>Saved, but could not sign off: %1</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/hospice/assessment_editor.py" line="1064"/>
        <source>有未保存的修改。放弃这些修改吗？</source>
        <translation>There are unsaved changes. Discard them?</translation>
    </message>
</context>
<context>
    <name>BatchPrintDialog</name>
    <message>
        <location filename="../../src/chc_desktop/ui/printing/batch_dialog.py" line="59"/>
        <source>批量打印</source>
        <translation>Batch print</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/printing/batch_dialog.py" line="77"/>
        <source>（全部）</source>
        <translation>(all)</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/printing/batch_dialog.py" line="83"/>
        <source>生成的 PDF 文件</source>
        <translation>The PDF file to write</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/printing/batch_dialog.py" line="84"/>
        <source>选择…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/printing/batch_dialog.py" line="94"/>
        <source>表单</source>
        <translation>Form</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/printing/batch_dialog.py" line="95"/>
        <source>建档日期自</source>
        <translation>Filed since</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/printing/batch_dialog.py" line="96"/>
        <source>应查床日期</source>
        <translation>Visits due by</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/printing/batch_dialog.py" line="97"/>
        <source>责任人员</source>
        <translation>Responsible staff</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/printing/batch_dialog.py" line="98"/>
        <source>符合条件</source>
        <translation>Matching</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/printing/batch_dialog.py" line="99"/>
        <source>输出文件</source>
        <translation>Output file</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/printing/batch_dialog.py" line="111"/>
        <source>生成 PDF</source>
        <translation>Make PDF</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/printing/batch_dialog.py" line="113"/>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/printing/batch_dialog.py" line="122"/>
        <source>目前没有可批量打印的表单（或您的角色无权打印）。</source>
        <translation>No form can be printed in batches now (or your role may not print).</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/printing/batch_dialog.py" line="171"/>
        <source>%1 份</source>
        <translation>%1 records</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/printing/batch_dialog.py" line="177"/>
        <source>%1 张床，打印为一份安排表</source>
        <translation>%1 beds, printed as one schedule</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/printing/batch_dialog.py" line="194"/>
        <source>批量打印到</source>
        <translation>Batch print to</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/printing/batch_dialog.py" line="194"/>
        <source>PDF 文件 (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/printing/batch_dialog.py" line="213"/>
        <source>没有符合条件的记录，未生成文件。</source>
        <translation>No matching records; no file written.</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/printing/batch_dialog.py" line="217"/>
        <source>请选择输出的 PDF 文件。</source>
        <translation>Please choose the PDF file to write.</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/printing/batch_dialog.py" line="220"/>
        <source>文件夹不存在：%1</source>
        <translation>Folder does not exist: %1</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/printing/batch_dialog.py" line="259"/>
        <source>已取消，未生成文件。</source>
        <translation>Cancelled; no file written.</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/printing/batch_dialog.py" line="265"/>
        <source>正在生成 %1（%2 份）…</source>
        <translation>Making %1 (%2 records)…</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/printing/batch_dialog.py" line="276"/>
        <source>已生成 %1：%2 份，共 %3 页（模板版本 %4）。</source>
        <translation>Wrote %1: %2 records, %3 pages (template version %4).</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/printing/batch_dialog.py" line="283"/>
        <source>内容过长已截断，请核对：%1</source>
        <translation>Text too long was cut; please check: %1</translation>
    </message>
</context>
<context>
    <name>BedListPage</name>
    <message>
        <location filename="../../src/chc_desktop/ui/homebeds/bed_list_page.py" line="110"/>
        <source>家庭病床</source>
        <translation>Home hospital beds</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/homebeds/bed_list_page.py" line="115"/>
        <source>打开…</source>
        <translation>Open…</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/homebeds/bed_list_page.py" line="117"/>
        <source>打开居民档案</source>
        <translation>Open resident file</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/homebeds/bed_list_page.py" line="119"/>
        <source>刷新</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/homebeds/bed_list_page.py" line="139"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/homebeds/bed_list_page.py" line="140"/>
        <source>家床类型</source>
        <translation>Bed type</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/homebeds/bed_list_page.py" line="141"/>
        <source>责任人员</source>
        <translation>Responsible staff</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/homebeds/bed_list_page.py" line="161"/>
        <source>回车或双击打开家庭病床；“提示”一栏为医保政策提醒，鼠标悬停可见依据。</source>
        <translation>Press Enter or double-click to open a bed; the Alerts column shows insurance policy reminders, hover to see the rule.</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/homebeds/bed_list_page.py" line="170"/>
        <source>%1 年</source>
        <translation>%1</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/homebeds/bed_list_page.py" line="181"/>
        <source>年份</source>
        <translation>Year</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/homebeds/bed_list_page.py" line="202"/>
        <source>病床</source>
        <translation>Beds</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/homebeds/bed_list_page.py" line="203"/>
        <source>统计</source>
        <translation>Statistics</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/homebeds/bed_list_page.py" line="217"/>
        <source>全部</source>
        <translation>All</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/homebeds/bed_list_page.py" line="247"/>
        <source>共 %1 张</source>
        <translation>%1 beds</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/homebeds/bed_list_page.py" line="261"/>
        <source>本年合计：新建床 %1 张，撤床 %2 张，床日 %3 天</source>
        <translation>Year total: %1 opened, %2 discharged, %3 bed days</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/homebeds/bed_list_page.py" line="267"/>
        <source>该年份尚无统计。</source>
        <translation>No statistics for this year.</translation>
    </message>
</context>
<context>
    <name>BedPage</name>
    <message>
        <location filename="../../src/chc_desktop/ui/homebeds/bed_page.py" line="71"/>
        <source>申请</source>
        <translation>Application</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/homebeds/bed_page.py" line="73"/>
        <source>建床诊断</source>
        <translation>Diagnosis</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/homebeds/bed_page.py" line="74"/>
        <source>收治指征</source>
        <translation>Indication</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/homebeds/bed_page.py" line="75"/>
        <source>病情摘要</source>
        <translation>Clinical summary</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/homebeds/bed_page.py" line="76"/>
        <source>申请医生</source>
        <translation>Applied by</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/homebeds/bed_page.py" line="77"/>
        <source>退回原因</source>
        <translation>Reason returned</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/homebeds/bed_page.py" line="80"/>
        <source>登记</source>
        <translation>Registration</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/homebeds/bed_page.py" line="82"/>
        <source>建床机构</source>
        <translation>Centre</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/homebeds/bed_page.py" line="83"/>
        <source>建床日期</source>
        <translation>Start date</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/homebeds/bed_page.py" line="84"/>
        <source>计划结束</source>
        <translation>Planned end</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/homebeds/bed_page.py" line="85"/>
        <source>本周期结束</source>
        <translation>Cycle ended</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/homebeds/bed_page.py" line="86"/>
        <source>责任医生</source>
        <translation>Responsible doctor</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/homebeds/bed_page.py" line="87"/>
        <source>责任护士</source>
        <translation>Responsible nurse</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/homebeds/bed_page.py" line="88"/>
        <source>知情同意</source>
        <translation>Informed consent</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/homebeds/bed_page.py" line="91"/>
        <source>撤床</source>
        <translation>Discharge</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/homebeds/bed_page.py" line="93"/>
        <source>撤床日期</source>
        <translation>Discharge date</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/homebeds/bed_page.py" line="94"/>
        <source>床日</source>
        <translation>Bed days</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/homebeds/bed_page.py" line="95"/>
        <source>转归</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/homebeds/bed_page.py" line="96"/>
        <source>撤床诊断</source>
        <translation>Discharge diagnosis</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/homebeds/bed_page.py" line="97"/>
        <source>撤床小结</source>
        <translation>Discharge summary</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/homebeds/bed_page.py" line="111"/>
        <source>记录查床…</source>
        <translation>Record visit…</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/homebeds/bed_page.py" line="112"/>
        <source>更正…</source>
        <translation>Correct…</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/homebeds/bed_page.py" line="113"/>
        <source>查床记录不能修改：更正会新增一条记录，写明更正的原因</source>
        <translation>Visit records cannot be changed: a correction adds a new entry stating the reason</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/homebeds/bed_page.py" line="118"/>
        <source>查床记录</source>
        <translation>Visits</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/homebeds/bed_page.py" line="124"/>
        <source>登记建床…</source>
        <translation>Register bed…</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/homebeds/bed_page.py" line="125"/>
        <source>退回…</source>
        <translation>Return…</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/homebeds/bed_page.py" line="126"/>
        <location filename="../../src/chc_desktop/ui/homebeds/bed_page.py" line="361"/>
        <source>续床</source>
        <translation>Renew</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/homebeds/bed_page.py" line="127"/>
        <source>结束本建床周期并开始新周期，原有记录保留</source>
        <translation>End this cycle and start a new one; the records are kept</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/homebeds/bed_page.py" line="128"/>
        <source>撤床…</source>
        <translation>Discharge…</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/homebeds/bed_page.py" line="129"/>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/homebeds/bed_page.py" line="130"/>
        <source>关闭（Esc）</source>
        <translation>Close (Esc)</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/homebeds/bed_page.py" line="192"/>
        <source>家庭病床 — %1</source>
        <translation>Home hospital bed — %1</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/homebeds/bed_page.py" line="196"/>
        <source>家床号 %1</source>
        <translation>Bed no. %1</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/homebeds/bed_page.py" line="198"/>
        <source>第 %1 周期</source>
        <translation>Cycle %1</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/homebeds/bed_page.py" line="201"/>
        <source>床日 %1 天</source>
        <translation>%1 bed days</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/homebeds/bed_page.py" line="212"/>
        <source>%1，%2，%3</source>
        <translation>%1, %2, %3</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/homebeds/bed_page.py" line="229"/>
        <source>%1 签署</source>
        <translation>signed %1</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/homebeds/bed_page.py" line="234"/>
        <source>%1 天</source>
        <translation>%1 days</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/homebeds/bed_page.py" line="252"/>
        <source>依据：%1；来源：%2</source>
        <translation>Rule: %1; source: %2</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/homebeds/bed_page.py" line="283"/>
        <source>尚无查床记录。</source>
        <translation>No visits recorded yet.</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/homebeds/bed_page.py" line="288"/>
        <source>%1&#x3000;%2&#x3000;%3</source>
        <translation>%1&#x3000;%2&#x3000;%3</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/homebeds/bed_page.py" line="297"/>
        <source>主诉</source>
        <translation>Complaint</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/homebeds/bed_page.py" line="298"/>
        <source>生命体征</source>
        <translation>Vital signs</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/homebeds/bed_page.py" line="299"/>
        <source>体格检查</source>
        <translation>Examination</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/homebeds/bed_page.py" line="300"/>
        <source>辅助检查</source>
        <translation>Tests</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/homebeds/bed_page.py" line="301"/>
        <source>处理及医嘱</source>
        <translation>Treatment and orders</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/homebeds/bed_page.py" line="302"/>
        <source>护理</source>
        <translation>Nursing</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/homebeds/bed_page.py" line="303"/>
        <source>与家属沟通</source>
        <translation>Talk with family</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/homebeds/bed_page.py" line="304"/>
        <source>下次查床</source>
        <translation>Next visit</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/homebeds/bed_page.py" line="350"/>
        <source>已登记建床。</source>
        <translation>Bed registered.</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/homebeds/bed_page.py" line="353"/>
        <source>申请已退回。</source>
        <translation>Application returned.</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/homebeds/bed_page.py" line="356"/>
        <source>已撤床。</source>
        <translation>Bed discharged.</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/homebeds/bed_page.py" line="362"/>
        <source>结束第 %1 建床周期并开始新周期（责任医生、护士不变，原有记录保留）？</source>
        <translation>End cycle %1 and start a new one (same doctor and nurse; the records are kept)?</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/homebeds/bed_page.py" line="377"/>
        <source>已续床：第 %1 周期自 %2 开始。</source>
        <translation>Renewed: cycle %1 starts on %2.</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/homebeds/bed_page.py" line="389"/>
        <source>已记录查床。</source>
        <translation>Visit recorded.</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/homebeds/bed_page.py" line="400"/>
        <source>已保存更正，原记录标记为已更正。</source>
        <translation>Correction saved; the original entry is marked corrected.</translation>
    </message>
</context>
<context>
    <name>CalibrationDialog</name>
    <message>
        <location filename="../../src/chc_desktop/ui/printing/calibration_dialog.py" line="37"/>
        <source>打印设置（打印机校准）</source>
        <translation>Print settings (printer calibration)</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/printing/calibration_dialog.py" line="49"/>
        <source>打印机名称</source>
        <translation>Printer name</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/printing/calibration_dialog.py" line="56"/>
        <source>先以 0 偏移打印校准页，量出各十字偏离标注位置的毫米数，填入相反的数：如十字落在右侧 2 mm，X 填 −2；落在下方 1.5 mm，Y 填 −1.5。再打印一次核对后保存。</source>
        <translation>Print the calibration page with zero offsets, measure in mm how far each cross lands from its marked place, and enter the opposite: a cross 2 mm to the right means X −2; 1.5 mm low means Y −1.5. Print again to check, then save.</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/printing/calibration_dialog.py" line="63"/>
        <source>打印机</source>
        <translation>Printer</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/printing/calibration_dialog.py" line="65"/>
        <source>本机未找到已安装的打印机，可直接输入打印机名称。</source>
        <translation>No printer is installed on this computer; you can type a printer name.</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/printing/calibration_dialog.py" line="69"/>
        <source>X 偏移（向右为正）</source>
        <translation>X offset (right is positive)</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/printing/calibration_dialog.py" line="70"/>
        <source>Y 偏移（向下为正）</source>
        <translation>Y offset (down is positive)</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/printing/calibration_dialog.py" line="77"/>
        <source>打印校准页</source>
        <translation>Print calibration page</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/printing/calibration_dialog.py" line="78"/>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/printing/calibration_dialog.py" line="79"/>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/printing/calibration_dialog.py" line="129"/>
        <source>请选择或填写打印机名称。</source>
        <translation>Please choose or type a printer name.</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/printing/calibration_dialog.py" line="134"/>
        <source>已保存“%1”的校准偏移：X %2 mm，Y %3 mm。以后在这台打印机上打印表单时自动应用。</source>
        <translation>Saved the offsets for “%1”: X %2 mm, Y %3 mm. They are applied whenever forms are printed on this printer.</translation>
    </message>
</context>
<context>
    <name>CalibrationDocument</name>
    <message>
        <location filename="../../src/chc_desktop/ui/printing/preview.py" line="194"/>
        <source>打印校准页</source>
        <translation>Print calibration page</translation>
    </message>
</context>
<context>
    <name>CodeCombo</name>
    <message>
        <location filename="../../src/chc_desktop/ui/widgets.py" line="134"/>
        <source>（未填）</source>
        <translation>(not filled in)</translation>
    </message>
</context>
<context>
    <name>CommitteeListModel</name>
    <message>
        <location filename="../../src/chc_desktop/ui/admin/committees_page.py" line="35"/>
        <source>代码</source>
        <translation>Code</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/admin/committees_page.py" line="36"/>
        <source>名称</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/admin/committees_page.py" line="37"/>
        <source>类别</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/admin/committees_page.py" line="38"/>
        <source>档案编号前缀</source>
        <translation>Record number prefix</translation>
    </message>
</context>
<context>
    <name>CommitteesPage</name>
    <message>
        <location filename="../../src/chc_desktop/ui/admin/committees_page.py" line="118"/>
        <source>3 位，如 013</source>
        <translation>3 digits, e.g. 013</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/admin/committees_page.py" line="123"/>
        <source>如 仙霞第十三居委会</source>
        <translation>e.g. 仙霞第十三居委会</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/admin/committees_page.py" line="125"/>
        <location filename="../../src/chc_desktop/ui/admin/committees_page.py" line="129"/>
        <source>添加居委会</source>
        <translation>Add committee</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/admin/committees_page.py" line="131"/>
        <source>代码</source>
        <translation>Code</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/admin/committees_page.py" line="133"/>
        <source>名称</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/admin/committees_page.py" line="138"/>
        <source>代码 001–099 为居委会，101–199 为村委会，901–999 为其他组织；它是健康档案编号的第 10–12 位。</source>
        <translation>Codes 001–099 are residents’ committees, 101–199 village committees, 901–999 other organisations; the code is digits 10–12 of the health record number.</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/admin/committees_page.py" line="145"/>
        <source>街道</source>
        <translation>Street</translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/chc_desktop/ui/admin/committees_page.py" line="161"/>
        <source>共 %n 个</source>
        <translation>
            <numerusform>%n committee</numerusform>
            <numerusform>%n committees</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ConflictDialog</name>
    <message>
        <location filename="../../src/chc_desktop/ui/sync/dialogs.py" line="37"/>
        <source>处理同步冲突</source>
        <translation>Resolve a sync conflict</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/sync/dialogs.py" line="39"/>
        <source>%1 的“%2”在两台工作站上被改成了不同的值。请核实后选择保留哪一个，或填写正确的值。</source>
        <translation>“%2” of %1 was changed to different values at two workstations. Check, then keep one of them or type the correct value.</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/sync/dialogs.py" line="47"/>
        <source>保留现用值</source>
        <translation>Keep the current value</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/sync/dialogs.py" line="49"/>
        <source>改用另一值</source>
        <translation>Use the other value</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/sync/dialogs.py" line="51"/>
        <source>填写其他值</source>
        <translation>Type another value</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/sync/dialogs.py" line="66"/>
        <source>%1 修改于 %2</source>
        <translation>changed by %1 at %2</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/sync/dialogs.py" line="71"/>
        <source>正确的值</source>
        <translation>Correct value</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/sync/dialogs.py" line="81"/>
        <source>确定</source>
        <translation>OK</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/sync/dialogs.py" line="81"/>
        <source>以后再说</source>
        <translation>Later</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/sync/dialogs.py" line="92"/>
        <source>请填写正确的值，或选择保留其中一个值</source>
        <translation>Type the correct value, or keep one of the two values</translation>
    </message>
</context>
<context>
    <name>ConsultationDialog</name>
    <message>
        <location filename="../../src/chc_desktop/ui/hospice/hospice_tab.py" line="58"/>
        <source>记录会诊</source>
        <translation>Record consultation</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/hospice/hospice_tab.py" line="67"/>
        <source>如 同仁医院 周主任</source>
        <translation>e.g. Dr Zhou, Tongren Hospital</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/hospice/hospice_tab.py" line="70"/>
        <source>（不选）</source>
        <translation>(none)</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/hospice/hospice_tab.py" line="80"/>
        <source>会诊日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/hospice/hospice_tab.py" line="81"/>
        <source>会诊医生</source>
        <translation>Consultant</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/hospice/hospice_tab.py" line="82"/>
        <source>会诊机构</source>
        <translation>Institution</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/hospice/hospice_tab.py" line="83"/>
        <source>会诊意见</source>
        <translation>Advice</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/hospice/hospice_tab.py" line="87"/>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/hospice/hospice_tab.py" line="87"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>ContractTab</name>
    <message>
        <location filename="../../src/chc_desktop/ui/contracts/contract_tab.py" line="39"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/contracts/contract_tab.py" line="40"/>
        <source>团队</source>
        <translation>Team</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/contracts/contract_tab.py" line="41"/>
        <source>签约医生</source>
        <translation>Doctor</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/contracts/contract_tab.py" line="42"/>
        <source>开始</source>
        <translation>Start</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/contracts/contract_tab.py" line="43"/>
        <source>结束</source>
        <translation>End</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/contracts/contract_tab.py" line="44"/>
        <source>服务包</source>
        <translation>Packages</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/contracts/contract_tab.py" line="45"/>
        <source>签约方式</source>
        <translation>How signed</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/contracts/contract_tab.py" line="46"/>
        <source>结束原因</source>
        <translation>Reason ended</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/contracts/contract_tab.py" line="50"/>
        <source>签约…</source>
        <translation>Sign…</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/contracts/contract_tab.py" line="52"/>
        <source>家庭签约…</source>
        <translation>Sign household…</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/contracts/contract_tab.py" line="54"/>
        <location filename="../../src/chc_desktop/ui/contracts/contract_tab.py" line="160"/>
        <source>续约</source>
        <translation>Renew</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/contracts/contract_tab.py" line="55"/>
        <source>改签…</source>
        <translation>Switch team…</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/contracts/contract_tab.py" line="56"/>
        <source>解约…</source>
        <translation>Terminate…</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/contracts/contract_tab.py" line="62"/>
        <source>打印协议</source>
        <translation>Print agreement</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/contracts/contract_tab.py" line="83"/>
        <source>签约记录</source>
        <translation>Contract history</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/contracts/contract_tab.py" line="93"/>
        <source>当前未签约。</source>
        <translation>No contract in force.</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/contracts/contract_tab.py" line="97"/>
        <source>已签约：%1（%2），%3 至 %4，服务包：%5，自付 %6 元</source>
        <translation>Signed: %1 (%2), %3 to %4, packages: %5, self-pay %6 yuan</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/contracts/contract_tab.py" line="106"/>
        <source>；1+1+1：%1</source>
        <translation>; 1+1+1: %1</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/contracts/contract_tab.py" line="109"/>
        <source>（%1 起生效）</source>
        <translation> (in force from %1)</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/contracts/contract_tab.py" line="111"/>
        <source>（%1 天后到期，请提醒续约）</source>
        <translation> (ends in %1 days: remind to renew)</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/contracts/contract_tab.py" line="142"/>
        <source>已为家庭中 %1 人签约</source>
        <translation>Signed %1 household members</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/contracts/contract_tab.py" line="145"/>
        <source>；%1 人未签：%2</source>
        <translation>; %1 not signed: %2</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/contracts/contract_tab.py" line="151"/>
        <source>已签约。</source>
        <translation>Signed.</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/contracts/contract_tab.py" line="151"/>
        <source>已改签。</source>
        <translation>Switched.</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/contracts/contract_tab.py" line="161"/>
        <source>与%1续约一个周期（自 %2 起）？</source>
        <translation>Renew with %1 for one term (from %2)?</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/contracts/contract_tab.py" line="172"/>
        <source>已续约至 %1。</source>
        <translation>Renewed until %1.</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/contracts/contract_tab.py" line="180"/>
        <source>已解约。</source>
        <translation>Terminated.</translation>
    </message>
</context>
<context>
    <name>CoverageChart</name>
    <message>
        <location filename="../../src/chc_desktop/ui/workbench/coverage_chart.py" line="78"/>
        <location filename="../../src/chc_desktop/ui/workbench/coverage_chart.py" line="79"/>
        <source>全人群签约率</source>
        <translation>Coverage, all</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/workbench/coverage_chart.py" line="81"/>
        <source>重点人群签约率</source>
        <translation>Coverage, key populations</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/workbench/coverage_chart.py" line="86"/>
        <source>目标：全人群 %1%，重点人群 %2%</source>
        <translation>Targets: all %1%, key populations %2%</translation>
    </message>
</context>
<context>
    <name>DischargeDialog</name>
    <message>
        <location filename="../../src/chc_desktop/ui/homebeds/dialogs.py" line="289"/>
        <source>撤床 — %1</source>
        <translation>Discharge — %1</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/homebeds/dialogs.py" line="295"/>
        <source>（请选择转归）</source>
        <translation>(choose the outcome)</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/homebeds/dialogs.py" line="304"/>
        <source>经过治疗撤床时的情况</source>
        <translation>Condition at discharge after treatment</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/homebeds/dialogs.py" line="314"/>
        <source>建床日期</source>
        <translation>Start date</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/homebeds/dialogs.py" line="315"/>
        <source>撤床日期</source>
        <translation>Discharge date</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/homebeds/dialogs.py" line="316"/>
        <source>转归 *</source>
        <translation>Outcome *</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/homebeds/dialogs.py" line="317"/>
        <source>撤床诊断</source>
        <translation>Discharge diagnosis</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/homebeds/dialogs.py" line="318"/>
        <source>撤床小结</source>
        <translation>Discharge summary</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/homebeds/dialogs.py" line="322"/>
        <source>撤床</source>
        <translation>Discharge</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/homebeds/dialogs.py" line="322"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/homebeds/dialogs.py" line="339"/>
        <source>本周期共 %1 床日</source>
        <translation>%1 bed days in this cycle</translation>
    </message>
</context>
<context>
    <name>DuplicateDialog</name>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/duplicates.py" line="33"/>
        <source>可能已建档</source>
        <translation>Possibly filed already</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/duplicates.py" line="40"/>
        <source>同一居民只能有一份健康档案。请核对下列档案；若是同一人，请打开已有档案。</source>
        <translation>A resident can have only one health record. Check the records below; if it is the same person, open the existing record.</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/duplicates.py" line="43"/>
        <source>下列档案与正在建档的居民相似。若是同一人，请打开已有档案；若确认不是同一人，可继续建档。</source>
        <translation>The records below look like the resident being filed. If it is the same person, open the existing record; if you are sure it is not, you may go on filing.</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/duplicates.py" line="48"/>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/duplicates.py" line="49"/>
        <source>性别</source>
        <translation>Sex</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/duplicates.py" line="50"/>
        <source>出生日期</source>
        <translation>Date of birth</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/duplicates.py" line="51"/>
        <source>身份证号</source>
        <translation>ID number</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/duplicates.py" line="52"/>
        <source>档案编号</source>
        <translation>Record number</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/duplicates.py" line="53"/>
        <source>居委会</source>
        <translation>Committee</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/duplicates.py" line="54"/>
        <source>相似之处</source>
        <translation>What matches</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/duplicates.py" line="83"/>
        <source>打开已有档案</source>
        <translation>Open existing record</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/duplicates.py" line="90"/>
        <source>不是同一人，继续建档</source>
        <translation>Not the same person: file anyway</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/duplicates.py" line="95"/>
        <source>返回修改</source>
        <translation>Back to the form</translation>
    </message>
</context>
<context>
    <name>EnrolDialog</name>
    <message>
        <location filename="../../src/chc_desktop/ui/sync/dialogs.py" line="110"/>
        <location filename="../../src/chc_desktop/ui/sync/dialogs.py" line="181"/>
        <source>登记到中心</source>
        <translation>Enrol at the hub</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/sync/dialogs.py" line="117"/>
        <source>管理员提供的 SHA-256 指纹，如 3A:7F:…</source>
        <translation>SHA-256 fingerprint from the administrator, e.g. 3A:7F:…</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/sync/dialogs.py" line="118"/>
        <source>从服务器读取</source>
        <translation>Read from the server</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/sync/dialogs.py" line="129"/>
        <source>如“仙霞中心 一楼挂号”</source>
        <translation>e.g. “Xianxia centre, ground floor desk”</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/sync/dialogs.py" line="131"/>
        <source>中心地址</source>
        <translation>Hub address</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/sync/dialogs.py" line="132"/>
        <source>证书指纹</source>
        <translation>Certificate fingerprint</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/sync/dialogs.py" line="133"/>
        <source>登记码</source>
        <translation>Enrolment code</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/sync/dialogs.py" line="134"/>
        <source>工作站名称</source>
        <translation>Workstation name</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/sync/dialogs.py" line="137"/>
        <source>登记码由管理员在中心发放，只能使用一次。读取的指纹必须与管理员提供的逐位一致，否则连接的可能不是本中心的服务器。</source>
        <translation>The administrator issues the enrolment code at the hub; it works once. The fingerprint read must match the administrator&apos;s digit for digit, or the server may not be your centre&apos;s.</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/sync/dialogs.py" line="148"/>
        <source>登记</source>
        <translation>Enrol</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/sync/dialogs.py" line="148"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/sync/dialogs.py" line="159"/>
        <source>已读取服务器证书指纹，请与管理员提供的逐位核对。</source>
        <translation>Fingerprint read from the server: compare it digit for digit with the administrator&apos;s.</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/sync/dialogs.py" line="170"/>
        <source>请填写中心地址和登记码</source>
        <translation>Enter the hub address and the enrolment code</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/sync/dialogs.py" line="173"/>
        <source>工作站</source>
        <translation>Workstation</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/sync/dialogs.py" line="182"/>
        <source>本机没有系统钥匙串，凭据只显示这一次，请妥善保管：</source>
        <translation>This computer has no system keyring: the credential is shown this once; keep it safe:</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/sync/dialogs.py" line="188"/>
        <source>正在登记…</source>
        <translation>Enrolling…</translation>
    </message>
</context>
<context>
    <name>FamilyHistory</name>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/history.py" line="181"/>
        <source>选“其他”时请写明疾病名称</source>
        <translation>Name the disease when choosing “other”</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/history.py" line="183"/>
        <source>其他</source>
        <translation>Other</translation>
    </message>
</context>
<context>
    <name>FirstAdminDialog</name>
    <message>
        <location filename="../../src/chc_desktop/ui/login.py" line="94"/>
        <location filename="../../src/chc_desktop/ui/login.py" line="127"/>
        <source>创建管理员账户</source>
        <translation>Create the administrator account</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/login.py" line="117"/>
        <source>用户名</source>
        <translation>User name</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/login.py" line="118"/>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/login.py" line="97"/>
        <source>这是一个新的数据库。请创建第一个管理员账户；之后由管理员为医生、护士和行政助手开设账户。</source>
        <translation>This is a new database. Create the first administrator account; the administrator then opens accounts for doctors, nurses and clerks.</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/login.py" line="119"/>
        <source>密码</source>
        <translation>Password</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/login.py" line="120"/>
        <source>再次输入密码</source>
        <translation>Repeat password</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/login.py" line="121"/>
        <source>密码至少 8 位，需同时包含字母和数字。</source>
        <translation>At least 8 characters with both letters and digits.</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/login.py" line="124"/>
        <source>创建</source>
        <translation>Create</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/login.py" line="124"/>
        <source>退出</source>
        <translation>Quit</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/login.py" line="140"/>
        <source>两次输入的密码不一致</source>
        <translation>The two passwords differ</translation>
    </message>
</context>
<context>
    <name>GlobalSearch</name>
    <message>
        <location filename="../../src/chc_desktop/ui/search_box.py" line="89"/>
        <source>查找居民：姓名、拼音首字母、身份证号、电话后4位、档案编号（Ctrl+F）</source>
        <translation>Find a resident: name, pinyin initials, ID number, last 4 phone digits, record number (Ctrl+F)</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/search_box.py" line="124"/>
        <source>没有找到。可输入姓名、拼音、身份证号、电话或档案编号。</source>
        <translation>Nothing found. Type a name, pinyin, ID number, phone or record number.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/chc_desktop/ui/search_box.py" line="126"/>
        <source>结果较多，只显示前 %n 条；请再输入几个字。</source>
        <translation>
            <numerusform>Many matches: showing the first %n; type a little more.</numerusform>
            <numerusform>Many matches: showing the first %n; type a little more.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/chc_desktop/ui/search_box.py" line="128"/>
        <source>找到 %n 人。方向键选择，回车打开，Esc 关闭。</source>
        <translation>
            <numerusform>%n resident found. Arrow keys choose, Enter opens, Esc closes.</numerusform>
            <numerusform>%n residents found. Arrow keys choose, Enter opens, Esc closes.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HistoryList</name>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/history.py" line="120"/>
        <source>添加一条</source>
        <translation>Add a line</translation>
    </message>
</context>
<context>
    <name>HistoryRow</name>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/history.py" line="68"/>
        <source> 年</source>
        <translation> yr</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/history.py" line="46"/>
        <source>（选择疾病）</source>
        <translation>(choose the disease)</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/history.py" line="55"/>
        <source>恶性肿瘤写部位，职业病、其他写名称</source>
        <translation>site of a cancer; name of an occupational or other disease</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/history.py" line="56"/>
        <source>手术名称</source>
        <translation>operation</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/history.py" line="57"/>
        <source>外伤名称</source>
        <translation>injury</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/history.py" line="58"/>
        <source>输血原因</source>
        <translation>reason for transfusion</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/history.py" line="63"/>
        <source>确诊时间</source>
        <translation>Diagnosed</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/history.py" line="63"/>
        <source>时间</source>
        <translation>When</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/history.py" line="67"/>
        <location filename="../../src/chc_desktop/ui/residents/history.py" line="73"/>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/history.py" line="74"/>
        <source> 月</source>
        <translation> mo</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/history.py" line="79"/>
        <source>删除</source>
        <translation>Remove</translation>
    </message>
</context>
<context>
    <name>HomeBedTab</name>
    <message>
        <location filename="../../src/chc_desktop/ui/homebeds/bed_list_page.py" line="301"/>
        <source>申请家庭病床…</source>
        <translation>Apply for a home bed…</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/homebeds/bed_list_page.py" line="302"/>
        <source>打开…</source>
        <translation>Open…</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/homebeds/bed_list_page.py" line="334"/>
        <source>您的角色无权查看家庭病床。</source>
        <translation>Your role may not view home hospital beds.</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/homebeds/bed_list_page.py" line="350"/>
        <source>共 %1 个家庭病床周期。</source>
        <translation>%1 home bed cycles.</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/homebeds/bed_list_page.py" line="352"/>
        <source>尚无家庭病床。</source>
        <translation>No home hospital beds yet.</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/homebeds/bed_list_page.py" line="356"/>
        <source>%1 医保年度 %2 天</source>
        <translation>Insurance year %1: %2 days</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/homebeds/bed_list_page.py" line="378"/>
        <source>已提交家庭病床申请，待社区卫生服务中心登记建床。</source>
        <translation>Application submitted; the community health centre will register the bed.</translation>
    </message>
</context>
<context>
    <name>HomeBeds</name>
    <message>
        <location filename="../../src/chc_desktop/ui/homebeds/models.py" line="53"/>
        <source>血压 %1/%2 %3</source>
        <translation>BP %1/%2 %3</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/homebeds/models.py" line="77"/>
        <source>%1
依据：%2
来源：%3</source>
        <translation>%1
Rule: %2
Source: %3</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/homebeds/models.py" line="90"/>
        <source>家床号</source>
        <translation>Bed no.</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/homebeds/models.py" line="91"/>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/homebeds/models.py" line="92"/>
        <source>性别</source>
        <translation>Sex</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/homebeds/models.py" line="93"/>
        <source>年龄</source>
        <translation>Age</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/homebeds/models.py" line="94"/>
        <source>类型</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/homebeds/models.py" line="95"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/homebeds/models.py" line="96"/>
        <source>建床日期</source>
        <translation>Start</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/homebeds/models.py" line="97"/>
        <source>计划结束</source>
        <translation>Planned end</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/homebeds/models.py" line="98"/>
        <location filename="../../src/chc_desktop/ui/homebeds/models.py" line="189"/>
        <source>床日</source>
        <translation>Bed days</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/homebeds/models.py" line="99"/>
        <source>责任医生</source>
        <translation>Doctor</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/homebeds/models.py" line="100"/>
        <source>责任护士</source>
        <translation>Nurse</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/homebeds/models.py" line="101"/>
        <source>诊断</source>
        <translation>Diagnosis</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/homebeds/models.py" line="102"/>
        <source>提示</source>
        <translation>Alerts</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/homebeds/models.py" line="138"/>
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/homebeds/models.py" line="139"/>
        <source>类别</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/homebeds/models.py" line="140"/>
        <source>人员</source>
        <translation>Staff</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/homebeds/models.py" line="141"/>
        <source>主诉</source>
        <translation>Complaint</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/homebeds/models.py" line="142"/>
        <source>生命体征</source>
        <translation>Vital signs</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/homebeds/models.py" line="143"/>
        <source>处理及医嘱</source>
        <translation>Treatment and orders</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/homebeds/models.py" line="144"/>
        <source>更正</source>
        <translation>Correction</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/homebeds/models.py" line="154"/>
        <source>已更正</source>
        <translation>Corrected</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/homebeds/models.py" line="158"/>
        <source>更正 %1 的记录</source>
        <translation>Corrects the entry of %1</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/homebeds/models.py" line="160"/>
        <source>更正记录</source>
        <translation>Correction</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/homebeds/models.py" line="185"/>
        <source>月份</source>
        <translation>Month</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/homebeds/models.py" line="186"/>
        <source>月末在床</source>
        <translation>In bed at month end</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/homebeds/models.py" line="187"/>
        <source>新建床</source>
        <translation>Opened</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/homebeds/models.py" line="188"/>
        <source>撤床</source>
        <translation>Discharged</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/homebeds/models.py" line="190"/>
        <source>新建床（按类型）</source>
        <translation>Opened (by type)</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/homebeds/models.py" line="191"/>
        <source>撤床（按转归）</source>
        <translation>Discharged (by outcome)</translation>
    </message>
</context>
<context>
    <name>HomeCareDialog</name>
    <message>
        <location filename="../../src/chc_desktop/ui/hospice/hospice_tab.py" line="125"/>
        <source>开始居家安宁疗护</source>
        <translation>Start home hospice care</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/hospice/hospice_tab.py" line="125"/>
        <source>结束居家安宁疗护</source>
        <translation>End home hospice care</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/hospice/hospice_tab.py" line="130"/>
        <source>如 舒缓照顾型家庭病床建床</source>
        <translation>e.g. palliative home hospital bed set up</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/hospice/hospice_tab.py" line="136"/>
        <source>依据评估</source>
        <translation>Assessment</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/hospice/hospice_tab.py" line="138"/>
        <source>第 %1 版（%2），安排：%3</source>
        <translation>Version %1 (%2), setting: %3</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/hospice/hospice_tab.py" line="145"/>
        <location filename="../../src/chc_desktop/ui/hospice/hospice_tab.py" line="147"/>
        <source>开始日期</source>
        <translation>Start date</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/hospice/hospice_tab.py" line="147"/>
        <source>结束日期</source>
        <translation>End date</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/hospice/hospice_tab.py" line="150"/>
        <source>备注</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/hospice/hospice_tab.py" line="154"/>
        <source>开始</source>
        <translation>Start</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/hospice/hospice_tab.py" line="154"/>
        <source>结束</source>
        <translation>End</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/hospice/hospice_tab.py" line="155"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>HospiceModels</name>
    <message>
        <location filename="../../src/chc_desktop/ui/hospice/models.py" line="44"/>
        <source>（未按建议）</source>
        <translation> (not as recommended)</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/hospice/models.py" line="50"/>
        <source>未签署</source>
        <translation>Not signed off</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/hospice/models.py" line="52"/>
        <source>已签署</source>
        <translation>Signed off</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/hospice/models.py" line="54"/>
        <source>已签署，签署后内容已被改动</source>
        <translation>Signed off, changed since</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/hospice/models.py" line="67"/>
        <source>评估日期</source>
        <translation>Assessed</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/hospice/models.py" line="68"/>
        <source>版本</source>
        <translation>Version</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/hospice/models.py" line="70"/>
        <source>KPS</source>
        <translation>KPS</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/hospice/models.py" line="73"/>
        <source>PPS</source>
        <translation>PPS</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/hospice/models.py" line="74"/>
        <source>PPI</source>
        <translation>PPI</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/hospice/models.py" line="76"/>
        <source>ESAS 总分</source>
        <translation>ESAS total</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/hospice/models.py" line="80"/>
        <source>Barthel</source>
        <translation>Barthel</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/hospice/models.py" line="84"/>
        <source>是否符合</source>
        <translation>Eligible</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/hospice/models.py" line="86"/>
        <source>符合</source>
        <translation>Yes</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/hospice/models.py" line="88"/>
        <source>不符合</source>
        <translation>No</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/hospice/models.py" line="91"/>
        <source>安排</source>
        <translation>Setting</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/hospice/models.py" line="92"/>
        <source>签署</source>
        <translation>Sign-off</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/hospice/models.py" line="94"/>
        <source>下次复评</source>
        <translation>Next reassessment</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/hospice/models.py" line="123"/>
        <source>开始日期</source>
        <translation>Start date</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/hospice/models.py" line="125"/>
        <source>结束日期</source>
        <translation>End date</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/hospice/models.py" line="129"/>
        <source>进行中</source>
        <translation>Ongoing</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/hospice/models.py" line="133"/>
        <source>依据评估</source>
        <translation>Assessment</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/hospice/models.py" line="134"/>
        <source>第 %1 版</source>
        <translation>Version %1</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/hospice/models.py" line="138"/>
        <source>备注</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/hospice/models.py" line="147"/>
        <source>会诊日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/hospice/models.py" line="148"/>
        <source>会诊医生</source>
        <translation>Consultant</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/hospice/models.py" line="149"/>
        <source>会诊机构</source>
        <translation>Institution</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/hospice/models.py" line="150"/>
        <source>会诊意见</source>
        <translation>Advice</translation>
    </message>
</context>
<context>
    <name>HospiceTab</name>
    <message>
        <location filename="../../src/chc_desktop/ui/hospice/hospice_tab.py" line="208"/>
        <source>新建评估…</source>
        <translation>New assessment…</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/hospice/hospice_tab.py" line="209"/>
        <source>打开…</source>
        <translation>Open…</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/hospice/hospice_tab.py" line="210"/>
        <location filename="../../src/chc_desktop/ui/hospice/hospice_tab.py" line="510"/>
        <source>签署</source>
        <translation>Sign off</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/hospice/hospice_tab.py" line="211"/>
        <source>修订</source>
        <translation>Revise</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/hospice/hospice_tab.py" line="212"/>
        <location filename="../../src/chc_desktop/ui/hospice/hospice_tab.py" line="558"/>
        <source>转介至区域安宁疗护中心</source>
        <translation>Refer to the regional hospice centre</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/hospice/hospice_tab.py" line="214"/>
        <source>为已签署、符合条件的评估生成转往区域安宁疗护中心（程家桥）的转出转诊单草稿</source>
        <translation>Draft a referral up to the regional hospice centre (Chengjiaqiao) from a signed-off assessment that found the patient eligible</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/hospice/hospice_tab.py" line="217"/>
        <source>开始居家安宁疗护…</source>
        <translation>Start home hospice care…</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/hospice/hospice_tab.py" line="219"/>
        <source>需选中已签署、符合条件且安排为居家的评估</source>
        <translation>Select a signed-off assessment that found the patient eligible, with home as the care setting</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/hospice/hospice_tab.py" line="220"/>
        <source>结束居家安宁疗护…</source>
        <translation>End home hospice care…</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/hospice/hospice_tab.py" line="222"/>
        <source>记录会诊…</source>
        <translation>Record consultation…</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/hospice/hospice_tab.py" line="271"/>
        <source>打印评估</source>
        <translation>Print assessment</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/hospice/hospice_tab.py" line="299"/>
        <source>评估版本</source>
        <translation>Assessment versions</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/hospice/hospice_tab.py" line="301"/>
        <source>居家安宁疗护</source>
        <translation>Home hospice care</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/hospice/hospice_tab.py" line="309"/>
        <source>会诊</source>
        <translation>Consultations</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/hospice/hospice_tab.py" line="338"/>
        <source>您的角色无权查看安宁疗护评估。</source>
        <translation>Your role may not view hospice care assessments.</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/hospice/hospice_tab.py" line="367"/>
        <source>第 %1 版签署后内容已被改动，与签署时不符，请核查。</source>
        <translation>Version %1 was changed after sign-off and no longer matches what was signed: please check.</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/hospice/hospice_tab.py" line="381"/>
        <source>尚无安宁疗护评估。</source>
        <translation>No hospice care assessment yet.</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/hospice/hospice_tab.py" line="383"/>
        <location filename="../../src/chc_desktop/ui/hospice/hospice_tab.py" line="500"/>
        <source>已签署</source>
        <translation>signed off</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/hospice/hospice_tab.py" line="383"/>
        <source>未签署</source>
        <translation>not signed off</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/hospice/hospice_tab.py" line="384"/>
        <source>符合安宁疗护条件</source>
        <translation>Eligible for hospice care</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/hospice/hospice_tab.py" line="384"/>
        <source>不符合安宁疗护条件</source>
        <translation>Not eligible for hospice care</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/hospice/hospice_tab.py" line="386"/>
        <source>最近评估：第 %1 版（%2），%3</source>
        <translation>Latest assessment: version %1 (%2), %3</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/hospice/hospice_tab.py" line="390"/>
        <source>%1，安排：%2</source>
        <translation>%1, care setting: %2</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/hospice/hospice_tab.py" line="397"/>
        <source>（已到期）</source>
        <translation> (due)</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/hospice/hospice_tab.py" line="400"/>
        <source>下次复评：</source>
        <translation>Next reassessment: </translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/hospice/hospice_tab.py" line="404"/>
        <source>居家安宁疗护进行中（自 %1 起）</source>
        <translation>Home hospice care in progress (since %1)</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/hospice/hospice_tab.py" line="414"/>
        <source>已于 %1 离世（离世地点未登记）</source>
        <translation>Died on %1 (place of death not recorded)</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/hospice/hospice_tab.py" line="417"/>
        <source>其他地点</source>
        <translation>another place</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/hospice/hospice_tab.py" line="420"/>
        <source>离世地点偏好未记录</source>
        <translation>preferred place of death not recorded</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/hospice/hospice_tab.py" line="422"/>
        <source>与首选离世地点相符</source>
        <translation>the preferred place of death</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/hospice/hospice_tab.py" line="425"/>
        <source>与首选离世地点不符（首选：%1）</source>
        <translation>not the preferred place of death (preferred: %1)</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/hospice/hospice_tab.py" line="427"/>
        <source>已于 %1 在%2离世，%3</source>
        <translation>Died on %1 at %2: %3</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/hospice/hospice_tab.py" line="500"/>
        <source>已保存</source>
        <translation>saved</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/hospice/hospice_tab.py" line="501"/>
        <source>第 %1 版%2。</source>
        <translation>Version %1 %2.</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/hospice/hospice_tab.py" line="511"/>
        <source>签署第 %1 版评估？签署后评估将被锁定，不能再修改，如需更改只能修订为新版本。</source>
        <translation>Sign off version %1 of the assessment? Once signed off it is locked and cannot be changed; any change needs a revision (a new version).</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/hospice/hospice_tab.py" line="525"/>
        <source>第 %1 版已签署。</source>
        <translation>Version %1 signed off.</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/hospice/hospice_tab.py" line="539"/>
        <source>已新建第 %1 版（未签署）。</source>
        <translation>Version %1 created (not signed off).</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/hospice/hospice_tab.py" line="553"/>
        <source>已生成转出转诊单草稿：转往 %1 %2。请在“转诊”中补充后发出。</source>
        <translation>Referral draft made: up to %1, %2. Complete it under “Referrals”, then send it.</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/hospice/hospice_tab.py" line="571"/>
        <source>已开始居家安宁疗护，并已提交舒缓照顾型家庭病床申请（待中心登记建床）。</source>
        <translation>Home hospice care started, and a palliative home bed has been applied for (the centre will register it).</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/hospice/hospice_tab.py" line="574"/>
        <source>已开始居家安宁疗护。未申请家庭病床：%1</source>
        <translation>Home hospice care started. No home bed applied for: %1</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/hospice/hospice_tab.py" line="586"/>
        <source>居家安宁疗护已结束。</source>
        <translation>Home hospice care ended.</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/hospice/hospice_tab.py" line="596"/>
        <source>已记录会诊。</source>
        <translation>Consultation recorded.</translation>
    </message>
</context>
<context>
    <name>HouseholdTab</name>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/file_tabs.py" line="120"/>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/file_tabs.py" line="120"/>
        <source>与户主关系</source>
        <translation>Relation to head</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/file_tabs.py" line="120"/>
        <source>性别</source>
        <translation>Sex</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/file_tabs.py" line="120"/>
        <source>年龄</source>
        <translation>Age</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/file_tabs.py" line="123"/>
        <source>新建家庭（本人为户主）</source>
        <translation>New household (this resident as head)</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/file_tabs.py" line="126"/>
        <source>移出家庭</source>
        <translation>Leave household</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/file_tabs.py" line="136"/>
        <source>加入其他居民的家庭</source>
        <translation>Join another resident’s household</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/file_tabs.py" line="139"/>
        <source>输入家人的姓名、拼音首字母、身份证号或档案编号，回车查找</source>
        <translation>Family member’s name, pinyin initials, ID number or record number; Enter searches</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/file_tabs.py" line="141"/>
        <source>查找</source>
        <translation>Find</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/file_tabs.py" line="147"/>
        <source>（选择与户主关系）</source>
        <translation>(relation to the head)</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/file_tabs.py" line="149"/>
        <source>加入所选居民的家庭</source>
        <translation>Join the chosen resident’s household</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/file_tabs.py" line="156"/>
        <source>本人与户主的关系</source>
        <translation>This resident’s relation to the head</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/file_tabs.py" line="173"/>
        <source>家庭的修改立即生效，无需点击“保存”。</source>
        <translation>Household changes take effect at once; no need to press Save.</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/file_tabs.py" line="183"/>
        <source>尚未加入任何家庭。</source>
        <translation>Not in a household yet.</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/file_tabs.py" line="186"/>
        <source>家庭住址：%1&#x3000;&#x3000;共 %2 人</source>
        <translation>Household address: %1    %2 members</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/file_tabs.py" line="229"/>
        <source>没有找到其他居民</source>
        <translation>No other resident found</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/file_tabs.py" line="234"/>
        <source>请先查找并选择一位家人</source>
        <translation>First find and choose a family member</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/import_dialog.py" line="57"/>
        <source>新建</source>
        <translation>New</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/import_dialog.py" line="58"/>
        <source>已建档</source>
        <translation>On file</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/import_dialog.py" line="59"/>
        <source>有问题</source>
        <translation>Problem</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/import_dialog.py" line="82"/>
        <source>列</source>
        <translation>Column</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/import_dialog.py" line="83"/>
        <source>表头</source>
        <translation>Header</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/import_dialog.py" line="84"/>
        <source>导入为</source>
        <translation>Import as</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/import_dialog.py" line="85"/>
        <source>第一行的值</source>
        <translation>First row&apos;s value</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/import_dialog.py" line="203"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/import_dialog.py" line="203"/>
        <source>行号</source>
        <translation>Row</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/import_dialog.py" line="282"/>
        <source>导入居民（Excel / CSV）</source>
        <translation>Import residents (Excel / CSV)</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/import_dialog.py" line="291"/>
        <source>请选择要导入的 .xlsx 或 .csv 文件</source>
        <translation>Choose the .xlsx or .csv file to import</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/import_dialog.py" line="292"/>
        <source>选择文件(&amp;F)…</source>
        <translation>Choose &amp;file…</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/import_dialog.py" line="296"/>
        <source>文件</source>
        <translation>File</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/import_dialog.py" line="327"/>
        <source>列的对应关系(&amp;M)：在“导入为”一栏选择每列导入到哪一项</source>
        <translation>Column &amp;mapping: choose under “Import as” what each column goes into</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/import_dialog.py" line="340"/>
        <source>预览(&amp;P)：前 %1 行，有问题的格子标为红色</source>
        <translation>&amp;Preview: the first %1 rows, cells with a problem in red</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/import_dialog.py" line="346"/>
        <source>问题(&amp;E)</source>
        <translation>Probl&amp;ems</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/import_dialog.py" line="356"/>
        <source>全部导入(&amp;A)</source>
        <translation>Import &amp;all</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/import_dialog.py" line="358"/>
        <source>任何一行有问题时不导入任何一行</source>
        <translation>If any row has a problem, no row is imported</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/import_dialog.py" line="361"/>
        <source>仅导入有效行(&amp;V)</source>
        <translation>Import only the &amp;valid rows</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/import_dialog.py" line="364"/>
        <source>有问题的行写入另一个文件，改正后可再次导入</source>
        <translation>Rows with a problem go to another file, to fix and import again</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/import_dialog.py" line="366"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/import_dialog.py" line="407"/>
        <source>选择要导入的文件</source>
        <translation>Choose the file to import</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/import_dialog.py" line="407"/>
        <source>表格文件 (*.xlsx *.xlsm *.csv);;所有文件 (*)</source>
        <translation>Spreadsheets (*.xlsx *.xlsm *.csv);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/import_dialog.py" line="426"/>
        <location filename="../../src/chc_desktop/ui/residents/import_dialog.py" line="451"/>
        <source>正在读取文件…</source>
        <translation>Reading the file…</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/import_dialog.py" line="432"/>
        <source>表头在第 %1 行，约 %2 行数据。</source>
        <translation>Header in row %1, about %2 data rows.</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/import_dialog.py" line="435"/>
        <source>已沿用上次为这种表格选择的列对应关系。</source>
        <translation>Using the column mapping chosen last time for this kind of sheet.</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/import_dialog.py" line="474"/>
        <source>问题(&amp;E)：预览的 %1 行中 %2 行有问题，%3 行已建档（导入时不改动）</source>
        <translation>Probl&amp;ems: of the %1 rows previewed, %2 have a problem, %3 are on file already (left unchanged)</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/import_dialog.py" line="480"/>
        <source>请先改正列的对应关系：</source>
        <translation>Correct the column mapping first:</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/import_dialog.py" line="504"/>
        <source>正在导入…</source>
        <translation>Importing…</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/import_dialog.py" line="514"/>
        <source>读取 %1 行，导入 %2 人，已建档未改动 %3 人，有问题 %4 行。</source>
        <translation>Read %1 rows, imported %2 residents, %3 on file left unchanged, %4 rows with a problem.</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/import_dialog.py" line="522"/>
        <source>因有问题的行，本次没有导入任何一行。请改正后再导入，或选择“仅导入有效行”。</source>
        <translation>Because of the rows with a problem, no row was imported. Correct them and import again, or choose “Import only the valid rows”.</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/import_dialog.py" line="526"/>
        <source>有问题的行已写入：%1（改正后可再次导入）</source>
        <translation>Rows with a problem were written to %1 (fix them and import again)</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/import_dialog.py" line="530"/>
        <source>%1 份档案暂无档案编号，与中心同步后自动分配。</source>
        <translation>%1 files have no record number yet; it is assigned after the next sync with the hub.</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/import_dialog.py" line="536"/>
        <source>%1 行带有签约信息，本次未导入签约。</source>
        <translation>%1 rows carry contract details; contracts were not imported this time.</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/import_dialog.py" line="544"/>
        <source>……另有 %1 条，见有问题的行的文件</source>
        <translation>…and %1 more, see the file of rows with a problem</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/import_dialog.py" line="549"/>
        <source>提示：</source>
        <translation>Note: </translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/import_dialog.py" line="550"/>
        <source>问题(&amp;E)：共 %1 条</source>
        <translation>Probl&amp;ems: %1 in all</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/import_dialog.py" line="552"/>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/import_dialog.py" line="562"/>
        <source>已取消导入，数据库未做任何更改。</source>
        <translation>Import cancelled; the database was not changed.</translation>
    </message>
</context>
<context>
    <name>KeyPopulationTab</name>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/file_tabs.py" line="248"/>
        <source>按年龄</source>
        <translation>By age</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/file_tabs.py" line="249"/>
        <source>按档案（既往史、残疾）</source>
        <translation>From the record (history, disability)</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/file_tabs.py" line="250"/>
        <source>人工标记</source>
        <translation>Tagged by staff</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/file_tabs.py" line="251"/>
        <source>导入</source>
        <translation>Imported</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/file_tabs.py" line="258"/>
        <location filename="../../src/chc_desktop/ui/residents/file_tabs.py" line="282"/>
        <source>重点人群</source>
        <translation>Key population</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/file_tabs.py" line="258"/>
        <source>依据</source>
        <translation>Source</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/file_tabs.py" line="258"/>
        <location filename="../../src/chc_desktop/ui/residents/file_tabs.py" line="283"/>
        <source>起始日期</source>
        <translation>Since</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/file_tabs.py" line="258"/>
        <location filename="../../src/chc_desktop/ui/residents/file_tabs.py" line="284"/>
        <source>备注</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/file_tabs.py" line="269"/>
        <source>依据，如低保证号、孕产妇建册日期</source>
        <translation>basis, e.g. subsistence-allowance card number, maternity booking date</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/file_tabs.py" line="270"/>
        <source>添加标记</source>
        <translation>Add tag</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/file_tabs.py" line="274"/>
        <source>结束所选标记</source>
        <translation>End the selected tag</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/file_tabs.py" line="280"/>
        <source>添加人工标记</source>
        <translation>Add a tag</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/file_tabs.py" line="289"/>
        <source>结束日期</source>
        <translation>End date</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/file_tabs.py" line="296"/>
        <source>老年人、0–6岁儿童按出生日期自动判断；高血压、糖尿病、严重精神障碍、肺结核和残疾人按既往史和残疾情况自动判断，无需人工标记。</source>
        <translation>Elderly people and children aged 0–6 follow from the date of birth; hypertension, diabetes, severe mental disorder, tuberculosis and disability follow from the history and disability fields. They need no manual tag.</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/file_tabs.py" line="342"/>
        <source>请在上表中选择一条人工标记或导入的重点人群</source>
        <translation>Choose a tag added by staff or imported in the table above</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <location filename="../../src/chc_desktop/ui/login.py" line="39"/>
        <source>登录 — 社区卫生服务中心桌面工作站</source>
        <translation>Log in — CHC Desktop</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/login.py" line="54"/>
        <source>社区卫生服务中心桌面工作站</source>
        <translation>CHC Desktop</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/login.py" line="48"/>
        <source>用户名</source>
        <translation>User name</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/login.py" line="49"/>
        <source>密码</source>
        <translation>Password</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/login.py" line="50"/>
        <source>登录</source>
        <translation>Log in</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/login.py" line="50"/>
        <source>退出</source>
        <translation>Quit</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/login.py" line="60"/>
        <source>这是演示数据库，其中的居民均为虚构。演示账户（密码均为 %1）：</source>
        <translation>This is the demo database; its residents are fictitious. Demo accounts (password %1 for all):</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../src/chc_desktop/ui/main_window.py" line="65"/>
        <location filename="../../src/chc_desktop/ui/main_window.py" line="360"/>
        <source>社区卫生服务中心桌面工作站</source>
        <translation>CHC Desktop</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/main_window.py" line="86"/>
        <source>工作台</source>
        <translation>Workbench</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/main_window.py" line="91"/>
        <source>居民</source>
        <translation>Residents</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/main_window.py" line="97"/>
        <source>转诊</source>
        <translation>Referrals</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/main_window.py" line="103"/>
        <source>家庭病床</source>
        <translation>Home beds</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/main_window.py" line="107"/>
        <source>同步</source>
        <translation>Sync</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/main_window.py" line="126"/>
        <source>查找</source>
        <translation>Search</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/main_window.py" line="165"/>
        <source>新建档案(&amp;N)</source>
        <translation>&amp;New record</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/main_window.py" line="168"/>
        <source>查找居民(&amp;F)</source>
        <translation>&amp;Find resident</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/main_window.py" line="170"/>
        <source>刷新(&amp;R)</source>
        <translation>&amp;Refresh</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/main_window.py" line="172"/>
        <source>退出(&amp;X)</source>
        <translation>E&amp;xit</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/main_window.py" line="175"/>
        <source>立即同步(&amp;S)</source>
        <translation>&amp;Sync now</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/main_window.py" line="177"/>
        <source>批量打印(&amp;P)…</source>
        <translation>Batch &amp;print…</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/main_window.py" line="180"/>
        <source>打印校准(&amp;C)…</source>
        <translation>Printer &amp;calibration…</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/main_window.py" line="182"/>
        <source>关于(&amp;A)</source>
        <translation>&amp;About</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/main_window.py" line="192"/>
        <source>文件(&amp;F)</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/main_window.py" line="196"/>
        <source>居民(&amp;R)</source>
        <translation>&amp;Residents</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/main_window.py" line="198"/>
        <source>同步(&amp;S)</source>
        <translation>&amp;Sync</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/main_window.py" line="200"/>
        <source>视图(&amp;V)</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/main_window.py" line="203"/>
        <source>界面语言(&amp;L)</source>
        <translation>&amp;Language</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/main_window.py" line="214"/>
        <source>帮助(&amp;H)</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/main_window.py" line="330"/>
        <source>已建档：%1，档案编号 %2</source>
        <translation>Filed: %1, record number %2</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/main_window.py" line="335"/>
        <source>已保存：%1</source>
        <translation>Saved: %1</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/main_window.py" line="342"/>
        <source>界面语言已设为 %1，下次启动时生效。</source>
        <translation>The language is now %1; it takes effect at the next start.</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/main_window.py" line="361"/>
        <source>版本 %1</source>
        <translation>Version %1</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/main_window.py" line="362"/>
        <source>居民健康档案、家庭医生签约、安宁疗护、家庭病床与转诊。</source>
        <translation>Resident health records, family-doctor contracts, hospice care, home hospital beds and referrals.</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/main_window.py" line="363"/>
        <source>关于</source>
        <translation>About</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/main_window.py" line="228"/>
        <source>未指定机构</source>
        <translation>No site</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/main_window.py" line="111"/>
        <source>管理</source>
        <translation>Administration</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/main_window.py" line="230"/>
        <source>数据库：%1</source>
        <translation>Database: %1</translation>
    </message>
</context>
<context>
    <name>MemberDialog</name>
    <message>
        <location filename="../../src/chc_desktop/ui/admin/teams_page.py" line="124"/>
        <source>添加团队成员</source>
        <translation>Add team member</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/admin/teams_page.py" line="141"/>
        <source>如：心血管内科</source>
        <translation>e.g. cardiology</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/admin/teams_page.py" line="144"/>
        <source>角色</source>
        <translation>Role</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/admin/teams_page.py" line="145"/>
        <source>工作人员</source>
        <translation>Staff member</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/admin/teams_page.py" line="146"/>
        <source>专科医师姓名</source>
        <translation>Specialist&apos;s name</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/admin/teams_page.py" line="147"/>
        <source>所在医院</source>
        <translation>Hospital</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/admin/teams_page.py" line="148"/>
        <source>专科</source>
        <translation>Specialty</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/admin/teams_page.py" line="152"/>
        <source>添加</source>
        <translation>Add</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/admin/teams_page.py" line="152"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>MultiCodePicker</name>
    <message>
        <location filename="../../src/chc_desktop/ui/widgets.py" line="173"/>
        <source>选“%1”时请写明</source>
        <translation>Say what, when choosing “%1”</translation>
    </message>
</context>
<context>
    <name>PagePreview</name>
    <message>
        <location filename="../../src/chc_desktop/ui/printing/preview.py" line="318"/>
        <source>打印预览 — %1</source>
        <translation>Print preview — %1</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/printing/preview.py" line="334"/>
        <source>适合宽度</source>
        <translation>Fit width</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/printing/preview.py" line="337"/>
        <source>100%</source>
        <translation>100%</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/printing/preview.py" line="339"/>
        <source>缩小（Ctrl+-）</source>
        <translation>Zoom out (Ctrl+-)</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/printing/preview.py" line="341"/>
        <source>放大（Ctrl+=）</source>
        <translation>Zoom in (Ctrl+=)</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/printing/preview.py" line="368"/>
        <source>正在生成预览…</source>
        <translation>Making the preview…</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/printing/preview.py" line="388"/>
        <source>打印…</source>
        <translation>Print…</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/printing/preview.py" line="389"/>
        <source>另存为 PDF…</source>
        <translation>Save as PDF…</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/printing/preview.py" line="390"/>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/printing/preview.py" line="391"/>
        <source>关闭（Esc）</source>
        <translation>Close (Esc)</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/printing/preview.py" line="477"/>
        <source>共 %1 页</source>
        <translation>%1 pages</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/printing/preview.py" line="479"/>
        <source>&#x3000;模板版本 %1</source>
        <translation>  template version %1</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/printing/preview.py" line="483"/>
        <source>内容过长已截断，请核对：%1</source>
        <translation>Text too long was cut; please check: %1</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/printing/preview.py" line="491"/>
        <source>无法生成预览。</source>
        <translation>The preview could not be made.</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/printing/preview.py" line="566"/>
        <source>打印 — %1</source>
        <translation>Print — %1</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/printing/preview.py" line="607"/>
        <source>已打印 %1 页到文件 %2。</source>
        <translation>Printed %1 pages to the file %2.</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/printing/preview.py" line="607"/>
        <source>已发送 %1 页到打印机 %2。</source>
        <translation>Sent %1 pages to the printer %2.</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/printing/preview.py" line="611"/>
        <source>（已应用校准偏移 X %1 mm，Y %2 mm）</source>
        <translation> (calibration offsets applied: X %1 mm, Y %2 mm)</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/printing/preview.py" line="619"/>
        <source>打印失败：%1</source>
        <translation>Printing failed: %1</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/printing/preview.py" line="623"/>
        <source>已取消打印。</source>
        <translation>Printing cancelled.</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/printing/preview.py" line="627"/>
        <source>正在打印…</source>
        <translation>Printing…</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/printing/preview.py" line="637"/>
        <source>另存为 PDF</source>
        <translation>Save as PDF</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/printing/preview.py" line="637"/>
        <source>PDF 文件 (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/printing/preview.py" line="646"/>
        <source>无法保存 %1：%2</source>
        <translation>Could not save %1: %2</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/printing/preview.py" line="650"/>
        <source>已另存为 %1</source>
        <translation>Saved as %1</translation>
    </message>
</context>
<context>
    <name>PreviewDialog</name>
    <message>
        <location filename="../../src/chc_desktop/ui/printing/preview.py" line="270"/>
        <source>无法开始打印：打印机不可用，或输出文件不能写入</source>
        <translation>Cannot start printing: the printer is not available, or the output file cannot be written</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/printing/preview.py" line="276"/>
        <source>打印机不接受新的一页</source>
        <translation>The printer did not accept a new page</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/printing/preview.py" line="279"/>
        <source>页面图像读不了</source>
        <translation>A page image could not be read</translation>
    </message>
</context>
<context>
    <name>PrintButton</name>
    <message>
        <location filename="../../src/chc_desktop/ui/printing/actions.py" line="56"/>
        <source>打印</source>
        <translation>Print</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/printing/actions.py" line="57"/>
        <source>预览并打印标准表单</source>
        <translation>Preview and print standard forms</translation>
    </message>
</context>
<context>
    <name>ReasonDialog</name>
    <message>
        <location filename="../../src/chc_desktop/ui/referrals/editor.py" line="86"/>
        <source>退回转诊</source>
        <translation>Decline referral</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/referrals/editor.py" line="86"/>
        <source>撤销转诊</source>
        <translation>Withdraw referral</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/referrals/editor.py" line="88"/>
        <source>请写明退回的原因（如：本院床位已满、需转其他专科）。</source>
        <translation>Give the reason for declining (e.g. no bed free here, another specialty is needed).</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/referrals/editor.py" line="90"/>
        <source>请写明撤销的原因（如：患者改变主意、已自行就诊）。</source>
        <translation>Give the reason for withdrawing (e.g. the patient changed their mind, already seen elsewhere).</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/referrals/editor.py" line="99"/>
        <source>退回</source>
        <translation>Decline</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/referrals/editor.py" line="99"/>
        <source>撤销</source>
        <translation>Withdraw</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/referrals/editor.py" line="104"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>ReferralEditor</name>
    <message>
        <location filename="../../src/chc_desktop/ui/referrals/editor.py" line="152"/>
        <source>转出（社区 → 医院）</source>
        <translation>Referral up (community → hospital)</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/referrals/editor.py" line="154"/>
        <source>回转（医院 → 社区）</source>
        <translation>Back-referral (hospital → community)</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/referrals/editor.py" line="163"/>
        <source>（请选择接收机构）</source>
        <translation>(choose where to refer)</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/referrals/editor.py" line="174"/>
        <source>本机构</source>
        <translation>This site</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/referrals/editor.py" line="183"/>
        <source>如：呼吸内科</source>
        <translation>e.g. respiratory medicine</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/referrals/editor.py" line="184"/>
        <source>如已约定</source>
        <translation>if agreed</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/referrals/editor.py" line="185"/>
        <source>如：12月2日上午 呼吸科专家门诊</source>
        <translation>e.g. 2 Dec a.m., respiratory specialist clinic</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/referrals/editor.py" line="204"/>
        <source>转出机构</source>
        <translation>Referred from</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/referrals/editor.py" line="208"/>
        <source>医院开具的回转单由本机构代为录入</source>
        <translation>The hospital’s back-referral slip, entered here on its behalf</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/referrals/editor.py" line="213"/>
        <source>转诊方向</source>
        <translation>Direction</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/referrals/editor.py" line="214"/>
        <source>接收机构</source>
        <translation>Referred to</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/referrals/editor.py" line="220"/>
        <source>接诊医生</source>
        <translation>Receiving doctor</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/referrals/editor.py" line="222"/>
        <source>科室</source>
        <translation>Department</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/referrals/editor.py" line="223"/>
        <source>专家号</source>
        <translation>Specialist slot</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/referrals/editor.py" line="224"/>
        <source>绿色通道</source>
        <translation>Fast track</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/referrals/editor.py" line="226"/>
        <source>接收机构、科室和接诊医生保存后不能修改；如需更改，请撤销后重新发起。</source>
        <translation>The receiving site, department and doctor cannot change once saved; to change them, withdraw the referral and start a new one.</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/referrals/editor.py" line="268"/>
        <source>带 * 的项目发出前必须填写。</source>
        <translation>Items marked * must be filled in before sending.</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/referrals/editor.py" line="280"/>
        <source>办理记录</source>
        <translation>History</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/referrals/editor.py" line="284"/>
        <source>保存草稿</source>
        <translation>Save draft</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/referrals/editor.py" line="285"/>
        <source>保存草稿（Ctrl+S）</source>
        <translation>Save draft (Ctrl+S)</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/referrals/editor.py" line="287"/>
        <source>发出</source>
        <translation>Send</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/referrals/editor.py" line="288"/>
        <source>接收</source>
        <translation>Accept</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/referrals/editor.py" line="289"/>
        <source>完成</source>
        <translation>Complete</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/referrals/editor.py" line="290"/>
        <source>退回…</source>
        <translation>Decline…</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/referrals/editor.py" line="291"/>
        <source>撤销…</source>
        <translation>Withdraw…</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/referrals/editor.py" line="297"/>
        <source>保存并发出：发出后内容不能再修改</source>
        <translation>Save and send: once sent, the content cannot change</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/referrals/editor.py" line="298"/>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/referrals/editor.py" line="299"/>
        <source>关闭（Esc）</source>
        <translation>Close (Esc)</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/referrals/editor.py" line="391"/>
        <source>新建转诊 — %1</source>
        <translation>New referral — %1</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/referrals/editor.py" line="392"/>
        <source>草稿（未保存）</source>
        <translation>Draft (not saved)</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/referrals/editor.py" line="402"/>
        <source>%1单 — %2</source>
        <translation>%1 slip — %2</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/referrals/editor.py" line="431"/>
        <source>转出单内容</source>
        <translation>Referral details</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/referrals/editor.py" line="431"/>
        <source>回转单内容（诊疗结果及康复建议）</source>
        <translation>Back-referral details (outcome of care and advice for recovery)</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/referrals/editor.py" line="462"/>
        <source>代%1登记（电话确认后）</source>
        <translation>Record for %1 (after confirming by phone)</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/referrals/editor.py" line="529"/>
        <source>草稿已保存。</source>
        <translation>Draft saved.</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/referrals/editor.py" line="538"/>
        <source>请选择接收的医院或社区卫生服务中心</source>
        <translation>Choose the receiving hospital or health centre</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/referrals/editor.py" line="586"/>
        <source>转诊%1。</source>
        <translation>Referral %1.</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/referrals/editor.py" line="590"/>
        <source>转诊单有未保存的修改。放弃这些修改吗？</source>
        <translation>The referral has unsaved changes. Discard them?</translation>
    </message>
</context>
<context>
    <name>ReferralRegisterPage</name>
    <message>
        <location filename="../../src/chc_desktop/ui/referrals/register_page.py" line="105"/>
        <source>转诊登记</source>
        <translation>Referral register</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/referrals/register_page.py" line="111"/>
        <source>打开居民档案</source>
        <translation>Open resident record</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/referrals/register_page.py" line="113"/>
        <source>刷新</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/referrals/register_page.py" line="139"/>
        <source>方向</source>
        <translation>Direction</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/referrals/register_page.py" line="140"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/referrals/register_page.py" line="141"/>
        <source>机构</source>
        <translation>Site</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/referrals/register_page.py" line="142"/>
        <source>发出月份</source>
        <translation>Month sent</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/referrals/register_page.py" line="169"/>
        <source>每月发出的转诊</source>
        <translation>Referrals sent per month</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/referrals/register_page.py" line="196"/>
        <source>全部</source>
        <translation>All</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/referrals/register_page.py" line="241"/>
        <source>共 %1 条</source>
        <translation>%1 in all</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/referrals/register_page.py" line="243"/>
        <source>最近 %1 条（请用筛选缩小范围）</source>
        <translation>Latest %1 (narrow down with the filters)</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/referrals/register_page.py" line="253"/>
        <source>1月</source>
        <translation>January</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/referrals/register_page.py" line="253"/>
        <source>1–%1月</source>
        <translation>months 1–%1</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/referrals/register_page.py" line="255"/>
        <source>回转（下转）较去年同期：%1 今年 %2 例，去年 %3 例，%4</source>
        <translation>Back-referrals against the same period last year (%1): %2 this year, %3 last year, %4</translation>
    </message>
</context>
<context>
    <name>ReferralTab</name>
    <message>
        <location filename="../../src/chc_desktop/ui/referrals/register_page.py" line="291"/>
        <source>新建转出…</source>
        <translation>New referral up…</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/referrals/register_page.py" line="294"/>
        <source>新建回转…</source>
        <translation>New back-referral…</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/referrals/register_page.py" line="296"/>
        <source>打开…</source>
        <translation>Open…</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/referrals/register_page.py" line="330"/>
        <source>共 %1 次转诊。</source>
        <translation>Referrals: %1.</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/referrals/register_page.py" line="330"/>
        <source>尚无转诊记录。</source>
        <translation>No referrals yet.</translation>
    </message>
</context>
<context>
    <name>Referrals</name>
    <message>
        <location filename="../../src/chc_desktop/ui/referrals/models.py" line="44"/>
        <source>发出日期</source>
        <translation>Sent</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/referrals/models.py" line="45"/>
        <source>方向</source>
        <translation>Direction</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/referrals/models.py" line="46"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/referrals/models.py" line="47"/>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/referrals/models.py" line="48"/>
        <source>性别</source>
        <translation>Sex</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/referrals/models.py" line="49"/>
        <source>年龄</source>
        <translation>Age</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/referrals/models.py" line="50"/>
        <source>转出机构</source>
        <translation>Referred from</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/referrals/models.py" line="51"/>
        <source>接收机构</source>
        <translation>Referred to</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/referrals/models.py" line="52"/>
        <source>科室</source>
        <translation>Department</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/referrals/models.py" line="53"/>
        <source>转诊医生</source>
        <translation>Referring doctor</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/referrals/models.py" line="54"/>
        <source>绿色通道</source>
        <translation>Fast track</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/referrals/models.py" line="63"/>
        <source>月份</source>
        <translation>Month</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/referrals/models.py" line="64"/>
        <source>转出</source>
        <translation>Up</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/referrals/models.py" line="65"/>
        <source>回转</source>
        <translation>Back</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/referrals/models.py" line="81"/>
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/referrals/models.py" line="82"/>
        <source>操作</source>
        <translation>Action</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/referrals/models.py" line="84"/>
        <source>状态变化</source>
        <translation>Status change</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/referrals/models.py" line="87"/>
        <source>经办人</source>
        <translation>By</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/referrals/models.py" line="88"/>
        <source>原因</source>
        <translation>Reason</translation>
    </message>
</context>
<context>
    <name>RegistrationDialog</name>
    <message>
        <location filename="../../src/chc_desktop/ui/homebeds/dialogs.py" line="218"/>
        <source>登记建床 — %1</source>
        <translation>Register bed — %1</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/homebeds/dialogs.py" line="221"/>
        <source>留空则自动编号</source>
        <translation>Leave empty to number automatically</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/homebeds/dialogs.py" line="227"/>
        <source>（请选择责任医生）</source>
        <translation>(choose the responsible doctor)</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/homebeds/dialogs.py" line="233"/>
        <source>（不指定）</source>
        <translation>(none)</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/homebeds/dialogs.py" line="236"/>
        <source>已签署，日期</source>
        <translation>Signed on</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/homebeds/dialogs.py" line="239"/>
        <source>%1（%2）&#x3000;申请于 %3</source>
        <translation>%1 (%2)&#x3000;applied %3</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/homebeds/dialogs.py" line="246"/>
        <source>申请</source>
        <translation>Application</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/homebeds/dialogs.py" line="247"/>
        <source>家床号</source>
        <translation>Bed no.</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/homebeds/dialogs.py" line="248"/>
        <source>家床类型</source>
        <translation>Bed type</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/homebeds/dialogs.py" line="249"/>
        <source>建床日期</source>
        <translation>Start date</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/homebeds/dialogs.py" line="250"/>
        <source>责任医生 *</source>
        <translation>Responsible doctor *</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/homebeds/dialogs.py" line="251"/>
        <source>责任护士</source>
        <translation>Responsible nurse</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/homebeds/dialogs.py" line="252"/>
        <source>知情同意书 *</source>
        <translation>Informed consent *</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/homebeds/dialogs.py" line="253"/>
        <source>计划结束日期按建床周期的规定自动计算。</source>
        <translation>The planned end follows from the cycle-length rule.</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/homebeds/dialogs.py" line="259"/>
        <source>登记建床</source>
        <translation>Register bed</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/homebeds/dialogs.py" line="259"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/homebeds/dialogs.py" line="266"/>
        <source>请选择责任医生</source>
        <translation>Choose the responsible doctor</translation>
    </message>
</context>
<context>
    <name>ResetPasswordDialog</name>
    <message>
        <location filename="../../src/chc_desktop/ui/admin/users_page.py" line="197"/>
        <source>重设密码</source>
        <translation>Reset password</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/admin/users_page.py" line="200"/>
        <source>用户</source>
        <translation>User</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/admin/users_page.py" line="201"/>
        <source>新密码</source>
        <translation>New password</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/admin/users_page.py" line="201"/>
        <source>再次输入密码</source>
        <translation>Repeat password</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/admin/users_page.py" line="203"/>
        <source>重设</source>
        <translation>Reset</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/admin/users_page.py" line="203"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/admin/users_page.py" line="214"/>
        <source>两次输入的密码不一致</source>
        <translation>The two passwords differ</translation>
    </message>
</context>
<context>
    <name>ResidentColumns</name>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/models.py" line="61"/>
        <source>档案编号</source>
        <translation>Record number</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/models.py" line="66"/>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/models.py" line="67"/>
        <source>性别</source>
        <translation>Sex</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/models.py" line="69"/>
        <source>年龄</source>
        <translation>Age</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/models.py" line="72"/>
        <source>出生日期</source>
        <translation>Date of birth</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/models.py" line="78"/>
        <source>身份证号</source>
        <translation>ID number</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/models.py" line="80"/>
        <source>联系电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/models.py" line="81"/>
        <source>街道</source>
        <translation>Street</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/models.py" line="82"/>
        <source>居委会</source>
        <translation>Committee</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/models.py" line="84"/>
        <source>现住址</source>
        <translation>Address</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/models.py" line="90"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
</context>
<context>
    <name>ResidentEditor</name>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/editor.py" line="98"/>
        <location filename="../../src/chc_desktop/ui/residents/editor.py" line="595"/>
        <source>新建居民健康档案</source>
        <translation>New resident health record</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/editor.py" line="98"/>
        <source>居民健康档案</source>
        <translation>Resident health record</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/editor.py" line="121"/>
        <source>封面</source>
        <translation>Cover</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/editor.py" line="122"/>
        <source>基本信息</source>
        <translation>Basic information</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/editor.py" line="124"/>
        <location filename="../../src/chc_desktop/ui/residents/editor.py" line="404"/>
        <source>既往史</source>
        <translation>History</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/editor.py" line="132"/>
        <location filename="../../src/chc_desktop/ui/residents/editor.py" line="152"/>
        <source>家庭</source>
        <translation>Household</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/editor.py" line="133"/>
        <location filename="../../src/chc_desktop/ui/residents/editor.py" line="152"/>
        <source>重点人群</source>
        <translation>Key population</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/editor.py" line="143"/>
        <location filename="../../src/chc_desktop/ui/residents/editor.py" line="155"/>
        <source>档案状态</source>
        <translation>Record status</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/editor.py" line="158"/>
        <source>保存档案后可用</source>
        <translation>Available once the record is saved</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/editor.py" line="167"/>
        <source>建档</source>
        <translation>File</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/editor.py" line="167"/>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/editor.py" line="170"/>
        <source>保存（Enter）</source>
        <translation>Save (Enter)</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/editor.py" line="172"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/editor.py" line="174"/>
        <source>取消（Esc）</source>
        <translation>Cancel (Esc)</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/editor.py" line="287"/>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/editor.py" line="288"/>
        <source>现住址</source>
        <translation>Current address</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/editor.py" line="289"/>
        <source>户籍地址</source>
        <translation>Registered address</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/editor.py" line="290"/>
        <source>联系电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/editor.py" line="290"/>
        <source>手机 11 位，或固定电话</source>
        <translation>mobile (11 digits) or landline</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/editor.py" line="296"/>
        <source>乡镇（街道）名称</source>
        <translation>Township (street)</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/editor.py" line="298"/>
        <source>村（居）委会名称</source>
        <translation>Village (residents’) committee</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/editor.py" line="300"/>
        <source>建档单位</source>
        <translation>Filed at</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/editor.py" line="301"/>
        <source>建档人</source>
        <translation>Filed by</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/editor.py" line="303"/>
        <source>（未指定）</source>
        <translation>(not assigned)</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/editor.py" line="306"/>
        <source>责任医生</source>
        <translation>Responsible doctor</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/editor.py" line="307"/>
        <source>建档日期</source>
        <translation>Filing date</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/editor.py" line="329"/>
        <source>身份证号</source>
        <translation>ID number</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/editor.py" line="331"/>
        <source>性别</source>
        <translation>Sex</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/editor.py" line="332"/>
        <source>出生日期</source>
        <translation>Date of birth</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/editor.py" line="338"/>
        <source>工作单位</source>
        <translation>Employer</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/editor.py" line="339"/>
        <source>联系人姓名</source>
        <translation>Contact person</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/editor.py" line="340"/>
        <source>联系人电话</source>
        <translation>Contact phone</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/editor.py" line="335"/>
        <source>常住类型</source>
        <translation>Residence type</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/editor.py" line="333"/>
        <source>民族</source>
        <translation>Ethnicity</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/editor.py" line="334"/>
        <source>少数民族名称</source>
        <translation>Minority name</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/editor.py" line="358"/>
        <source>文化程度</source>
        <translation>Education</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/editor.py" line="359"/>
        <source>职业</source>
        <translation>Occupation</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/editor.py" line="360"/>
        <source>婚姻状况</source>
        <translation>Marital status</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/editor.py" line="400"/>
        <source>药物过敏史</source>
        <translation>Drug allergies</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/editor.py" line="401"/>
        <source>暴露史</source>
        <translation>Exposures</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/editor.py" line="445"/>
        <source>遗传病史</source>
        <translation>Hereditary disease</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/editor.py" line="446"/>
        <source>遗传病名称</source>
        <translation>Hereditary disease name</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/editor.py" line="449"/>
        <location filename="../../src/chc_desktop/ui/residents/editor.py" line="451"/>
        <source>残疾情况</source>
        <translation>Disabilities</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/editor.py" line="368"/>
        <source>厨房排风设施</source>
        <translation>Kitchen exhaust</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/editor.py" line="136"/>
        <location filename="../../src/chc_desktop/ui/residents/editor.py" line="152"/>
        <source>签约</source>
        <translation>Contract</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/editor.py" line="138"/>
        <location filename="../../src/chc_desktop/ui/residents/editor.py" line="153"/>
        <source>安宁疗护</source>
        <translation>Hospice care</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/editor.py" line="140"/>
        <location filename="../../src/chc_desktop/ui/residents/editor.py" line="153"/>
        <source>转诊</source>
        <translation>Referrals</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/editor.py" line="142"/>
        <location filename="../../src/chc_desktop/ui/residents/editor.py" line="154"/>
        <source>家庭病床</source>
        <translation>Home beds</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/editor.py" line="184"/>
        <source>打印档案</source>
        <translation>Print file</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/editor.py" line="282"/>
        <source>建档时自动分配</source>
        <translation>assigned when filed</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/editor.py" line="286"/>
        <source>档案编号</source>
        <translation>Record number</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/editor.py" line="288"/>
        <source>路、弄、号、室</source>
        <translation>road, lane, number, room</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/editor.py" line="292"/>
        <source>（请选择街道）</source>
        <translation>(choose the street)</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/editor.py" line="307"/>
        <source>如 2026-01-31</source>
        <translation>e.g. 2026-01-31</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/editor.py" line="327"/>
        <source>身份</source>
        <translation>Identity</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/editor.py" line="329"/>
        <source>18 位；填写后自动带出出生日期和性别</source>
        <translation>18 characters; fills in date of birth and sex</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/editor.py" line="332"/>
        <source>如 1949-01-01 或 19490101</source>
        <translation>e.g. 1949-01-01 or 19490101</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/editor.py" line="334"/>
        <source>如 回族</source>
        <translation>e.g. 回族 (Hui)</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/editor.py" line="336"/>
        <source>工作与联系人</source>
        <translation>Work and contact</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/editor.py" line="338"/>
        <source>退休者写原单位；无工作写“无”</source>
        <translation>retired: last employer; none: write “无”</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/editor.py" line="341"/>
        <source>其他</source>
        <translation>Other</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/editor.py" line="357"/>
        <source>血型</source>
        <translation>Blood type</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/editor.py" line="361"/>
        <source>医疗费用
支付方式</source>
        <translation>Payment of
medical costs</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/editor.py" line="362"/>
        <source>最多选 3 项</source>
        <translation>up to 3</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/editor.py" line="365"/>
        <source>生活环境（农村地区填写）</source>
        <translation>Living conditions (rural areas)</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/editor.py" line="369"/>
        <source>燃料类型</source>
        <translation>Fuel</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/editor.py" line="370"/>
        <source>饮水</source>
        <translation>Drinking water</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/editor.py" line="371"/>
        <source>厕所</source>
        <translation>Toilet</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/editor.py" line="372"/>
        <source>禽畜栏</source>
        <translation>Livestock pen</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/editor.py" line="398"/>
        <source>过敏与暴露</source>
        <translation>Allergies and exposures</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/editor.py" line="407"/>
        <source>疾病</source>
        <translation>Diseases</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/editor.py" line="408"/>
        <source>手术</source>
        <translation>Operations</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/editor.py" line="409"/>
        <source>外伤</source>
        <translation>Injuries</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/editor.py" line="410"/>
        <source>输血</source>
        <translation>Transfusions</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/editor.py" line="433"/>
        <source>疾病须经一级及以上医院确诊；恶性肿瘤写明部位，职业病写明名称。最多填写 6 项疾病。</source>
        <translation>Diseases must be diagnosed by a level-1 hospital or above; give the site of a cancer and the name of an occupational disease. At most 6 diseases.</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/editor.py" line="440"/>
        <source>家族史与遗传病史</source>
        <translation>Family and hereditary history</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/editor.py" line="444"/>
        <source>家族史</source>
        <translation>Family history</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/editor.py" line="508"/>
        <source>（请选择居委会）</source>
        <translation>(choose the committee)</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/editor.py" line="508"/>
        <source>（请先选择街道）</source>
        <translation>(choose the street first)</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/editor.py" line="601"/>
        <source>%1&#x3000;%2&#x3000;%3 岁&#x3000;&#x3000;%4&#x3000;&#x3000;%5</source>
        <translation>%1  %2  %3 years    %4    %5</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/editor.py" line="633"/>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/editor.py" line="733"/>
        <source>有未保存的修改。放弃这些修改吗？</source>
        <translation>There are unsaved changes. Discard them?</translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/chc_desktop/ui/residents/editor.py" line="567"/>
        <source>有 %n 处需要修改</source>
        <translation>
            <numerusform>%n thing to correct</numerusform>
            <numerusform>%n things to correct</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ResidentHeading</name>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/models.py" line="42"/>
        <source>%1&#x3000;%2&#x3000;%3岁&#x3000;档案编号 %4</source>
        <translation>%1&#x3000;%2&#x3000;%3 years&#x3000;Record no. %4</translation>
    </message>
</context>
<context>
    <name>ResidentListPage</name>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/list_page.py" line="99"/>
        <source>全部街道</source>
        <translation>All streets</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/list_page.py" line="104"/>
        <location filename="../../src/chc_desktop/ui/residents/list_page.py" line="172"/>
        <source>全部居委会</source>
        <translation>All committees</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/list_page.py" line="107"/>
        <source>全部人群</source>
        <translation>Everyone</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/list_page.py" line="114"/>
        <source>全部状态</source>
        <translation>Any status</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/list_page.py" line="119"/>
        <source>新建档案</source>
        <translation>New record</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/list_page.py" line="121"/>
        <source>新建居民健康档案（Ctrl+N）</source>
        <translation>New resident health record (Ctrl+N)</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/list_page.py" line="124"/>
        <source>导入 Excel…</source>
        <translation>Import from Excel…</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/list_page.py" line="126"/>
        <source>从中心的 Excel 或 CSV 花名册导入居民</source>
        <translation>Import residents from the centre&apos;s Excel or CSV roster</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/list_page.py" line="129"/>
        <source>导出 Excel…</source>
        <translation>Export to Excel…</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/list_page.py" line="131"/>
        <source>把当前筛选出的居民列表导出为 Excel 文件</source>
        <translation>Export the residents listed with the current filters to an Excel file</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/list_page.py" line="141"/>
        <source>档案状态</source>
        <translation>Record status</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/list_page.py" line="138"/>
        <source>街道</source>
        <translation>Street</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/list_page.py" line="139"/>
        <source>居委会</source>
        <translation>Committee</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/list_page.py" line="140"/>
        <source>重点人群</source>
        <translation>Key population</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/list_page.py" line="217"/>
        <location filename="../../src/chc_desktop/ui/residents/list_page.py" line="229"/>
        <source>导出居民列表</source>
        <translation>Export resident list</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/list_page.py" line="217"/>
        <source>居民列表</source>
        <translation>Residents</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/list_page.py" line="230"/>
        <source>已导出 %1 名居民到 %2</source>
        <translation>Exported %1 residents to %2</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/list_page.py" line="233"/>
        <source>正在导出…</source>
        <translation>Exporting…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/chc_desktop/ui/residents/list_page.py" line="236"/>
        <source>共 %n 人</source>
        <translation>
            <numerusform>%n resident</numerusform>
            <numerusform>%n residents</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ResultPanel</name>
    <message>
        <location filename="../../src/chc_desktop/ui/hospice/assessment_editor.py" line="132"/>
        <source>评估结果</source>
        <translation>Assessment result</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/hospice/assessment_editor.py" line="140"/>
        <source>KPS</source>
        <translation>KPS</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/hospice/assessment_editor.py" line="141"/>
        <source>PPS</source>
        <translation>PPS</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/hospice/assessment_editor.py" line="142"/>
        <source>PPI</source>
        <translation>PPI</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/hospice/assessment_editor.py" line="143"/>
        <source>ESAS-r</source>
        <translation>ESAS-r</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/hospice/assessment_editor.py" line="144"/>
        <source>Barthel</source>
        <translation>Barthel</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/hospice/assessment_editor.py" line="145"/>
        <source>自理能力</source>
        <translation>Self-care</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/hospice/assessment_editor.py" line="169"/>
        <source>是否符合</source>
        <translation>Eligibility</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/hospice/assessment_editor.py" line="170"/>
        <source>建议安排</source>
        <translation>Recommended</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/hospice/assessment_editor.py" line="171"/>
        <source>依据</source>
        <translation>Reasons</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/hospice/assessment_editor.py" line="193"/>
        <source>未评</source>
        <translation>not assessed</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/hospice/assessment_editor.py" line="203"/>
        <source>%1 分（%2 组）
%3</source>
        <translation>%1 points (group %2)
%3</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/hospice/assessment_editor.py" line="211"/>
        <source>总分 %1 / 90</source>
        <translation>Total %1 / 90</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/hospice/assessment_editor.py" line="212"/>
        <source>重度：%1</source>
        <translation>Severe: %1</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/hospice/assessment_editor.py" line="212"/>
        <source>无重度症状</source>
        <translation>No severe symptoms</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/hospice/assessment_editor.py" line="217"/>
        <source>%1 分，%2</source>
        <translation>%1 points, %2</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/hospice/assessment_editor.py" line="224"/>
        <source>符合安宁疗护条件</source>
        <translation>Eligible for hospice care</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/hospice/assessment_editor.py" line="224"/>
        <source>不符合安宁疗护条件</source>
        <translation>Not eligible for hospice care</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/hospice/assessment_editor.py" line="228"/>
        <source>%1安宁疗护</source>
        <translation>%1 hospice care</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/hospice/assessment_editor.py" line="232"/>
        <source>提示：已进入临终阶段</source>
        <translation>Note: in the dying phase</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/hospice/assessment_editor.py" line="234"/>
        <source>规则版本 %1</source>
        <translation>Rules version %1</translation>
    </message>
</context>
<context>
    <name>ReturnDialog</name>
    <message>
        <location filename="../../src/chc_desktop/ui/homebeds/dialogs.py" line="364"/>
        <source>退回申请 — %1</source>
        <translation>Decline application — %1</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/homebeds/dialogs.py" line="365"/>
        <source>请写明退回的原因（如：病情不稳定，建议住院治疗）。</source>
        <translation>Please give the reason for declining (e.g. condition unstable, inpatient treatment advised).</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/homebeds/dialogs.py" line="374"/>
        <source>退回</source>
        <translation>Decline</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/homebeds/dialogs.py" line="374"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>SettingsModel</name>
    <message>
        <location filename="../../src/chc_desktop/ui/admin/settings_page.py" line="35"/>
        <source>设置项</source>
        <translation>Setting</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/admin/settings_page.py" line="36"/>
        <source>值</source>
        <translation>Value</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/admin/settings_page.py" line="37"/>
        <source>单位</source>
        <translation>Unit</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/admin/settings_page.py" line="38"/>
        <source>默认值</source>
        <translation>Default</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/admin/settings_page.py" line="39"/>
        <source>依据</source>
        <translation>Source</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/admin/settings_page.py" line="66"/>
        <source>是</source>
        <translation>Yes</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/admin/settings_page.py" line="66"/>
        <source>否</source>
        <translation>No</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <location filename="../../src/chc_desktop/ui/admin/settings_page.py" line="155"/>
        <source>双击“值”或按 F2 修改。加粗的值与默认值不同。这些是各地可能不同的政策参数；修改会记入审计日志。</source>
        <translation>Double-click a value or press F2 to change it. Bold values differ from the default. These policy parameters may differ between places; changes go into the audit trail.</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/admin/settings_page.py" line="161"/>
        <source>恢复默认值</source>
        <translation>Restore default</translation>
    </message>
</context>
<context>
    <name>SignDialog</name>
    <message>
        <location filename="../../src/chc_desktop/ui/contracts/dialogs.py" line="58"/>
        <source>家庭医生签约</source>
        <translation>Family-doctor contract</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/contracts/dialogs.py" line="58"/>
        <source>家庭签约</source>
        <translation>Household contract</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/contracts/dialogs.py" line="58"/>
        <location filename="../../src/chc_desktop/ui/contracts/dialogs.py" line="130"/>
        <source>改签</source>
        <translation>Switch team</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/contracts/dialogs.py" line="80"/>
        <source>%1（%2元：补贴 %3，自付 %4）</source>
        <translation>%1 (%2 yuan: subsidy %3, self-pay %4)</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/contracts/dialogs.py" line="115"/>
        <source>签约团队</source>
        <translation>Team</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/contracts/dialogs.py" line="116"/>
        <source>签约医生</source>
        <translation>Doctor</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/contracts/dialogs.py" line="117"/>
        <source>改签生效日期</source>
        <translation>Switch takes effect on</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/contracts/dialogs.py" line="117"/>
        <source>开始日期</source>
        <translation>Start date</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/contracts/dialogs.py" line="119"/>
        <source>结束日期</source>
        <translation>End date</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/contracts/dialogs.py" line="120"/>
        <source>服务包</source>
        <translation>Packages</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/contracts/dialogs.py" line="121"/>
        <source>费用</source>
        <translation>Fee</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/contracts/dialogs.py" line="122"/>
        <source>区级医院（1+1+1）</source>
        <translation>District hospital (1+1+1)</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/contracts/dialogs.py" line="124"/>
        <source>市级医院（1+1+1）</source>
        <translation>Municipal hospital (1+1+1)</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/contracts/dialogs.py" line="126"/>
        <source>签约方式</source>
        <translation>How signed</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/contracts/dialogs.py" line="130"/>
        <source>签约</source>
        <translation>Sign</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/contracts/dialogs.py" line="130"/>
        <source>全家签约</source>
        <translation>Sign household</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/contracts/dialogs.py" line="131"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/contracts/dialogs.py" line="153"/>
        <source>家庭中尚未签约、档案在册的成员将一并签约；已签约的成员保持不变。</source>
        <translation>Household members on the register without a contract are signed together; members already signed are left as they are.</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/contracts/dialogs.py" line="156"/>
        <source>原签约：%1，%2 至 %3。改签后原签约于生效日期前一天结束。</source>
        <translation>Current contract: %1, %2 to %3. It ends the day before the switch takes effect.</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/contracts/dialogs.py" line="161"/>
        <source>每位居民同一时间只能签约一个家庭医生团队。</source>
        <translation>A resident can be signed with only one family-doctor team at a time.</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/contracts/dialogs.py" line="166"/>
        <source>（不选）</source>
        <translation>(none)</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/contracts/dialogs.py" line="209"/>
        <source>合计 %1 元，其中财政补贴/医保 %2 元，居民自付 %3 元</source>
        <translation>Total %1 yuan: subsidy/insurance %2 yuan, resident pays %3 yuan</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/contracts/dialogs.py" line="230"/>
        <source>请先由管理员建立家庭医生团队</source>
        <translation>An administrator must first create a family-doctor team</translation>
    </message>
</context>
<context>
    <name>StatsChart</name>
    <message>
        <location filename="../../src/chc_desktop/ui/homebeds/stats_chart.py" line="62"/>
        <source>新建床</source>
        <translation>Opened</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/homebeds/stats_chart.py" line="63"/>
        <source>撤床</source>
        <translation>Discharged</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/homebeds/stats_chart.py" line="64"/>
        <source>月末在床</source>
        <translation>In bed at month end</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/homebeds/stats_chart.py" line="72"/>
        <source>该年度尚无家庭病床，建床后这里按月显示新建床、撤床和月末在床数。</source>
        <translation>No home beds this year; once beds are opened, this shows beds opened, discharged and in bed at each month&apos;s end.</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/homebeds/stats_chart.py" line="132"/>
        <source>%1月</source>
        <translation>M%1</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/homebeds/stats_chart.py" line="176"/>
        <source>%1
新建床 %2&#x3000;撤床 %3
月末在床 %4&#x3000;床日 %5</source>
        <translation>%1
Opened %2&#x3000;Discharged %3
In bed at month end %4&#x3000;Bed days %5</translation>
    </message>
</context>
<context>
    <name>StatusTab</name>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/file_tabs.py" line="370"/>
        <source>（未记录）</source>
        <translation>(not recorded)</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/file_tabs.py" line="375"/>
        <source>迁往的地址或机构，档案交接情况</source>
        <translation>new address or institution, and how the record was handed over</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/file_tabs.py" line="388"/>
        <source>更新档案状态</source>
        <translation>Change record status</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/file_tabs.py" line="392"/>
        <source>当前状态</source>
        <translation>Current status</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/file_tabs.py" line="393"/>
        <source>改为</source>
        <translation>Change to</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/file_tabs.py" line="394"/>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/file_tabs.py" line="395"/>
        <source>失访原因</source>
        <translation>Reason lost to follow-up</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/file_tabs.py" line="396"/>
        <source>死亡原因</source>
        <translation>Cause of death</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/file_tabs.py" line="397"/>
        <source>死亡地点</source>
        <translation>Place of death</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/file_tabs.py" line="398"/>
        <source>迁往何处</source>
        <translation>Moved to</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/file_tabs.py" line="401"/>
        <source>健康档案不会被删除：失访、死亡、迁出的档案仍可查阅，也可恢复为在册。</source>
        <translation>Health records are never deleted: records of residents lost to follow-up, dead or moved away can still be read, and can be reopened.</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/file_tabs.py" line="423"/>
        <source>死亡原因：</source>
        <translation>Cause of death: </translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/file_tabs.py" line="424"/>
        <source>死亡地点：</source>
        <translation>Place of death: </translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/file_tabs.py" line="425"/>
        <source>迁往：</source>
        <translation>Moved to: </translation>
    </message>
</context>
<context>
    <name>SyncController</name>
    <message>
        <location filename="../../src/chc_desktop/ui/sync/controller.py" line="173"/>
        <source>中心同步凭据</source>
        <translation>Hub token</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/sync/controller.py" line="176"/>
        <source>请输入本工作站的中心凭据（本次运行期间有效）：</source>
        <translation>Enter this workstation&apos;s hub token (kept only while the program runs):</translation>
    </message>
</context>
<context>
    <name>SyncPage</name>
    <message>
        <location filename="../../src/chc_desktop/ui/sync/sync_page.py" line="43"/>
        <source>正在上传本机的修改</source>
        <translation>Sending this workstation&apos;s changes</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/sync/sync_page.py" line="45"/>
        <source>正在下载中心的修改</source>
        <translation>Receiving the hub&apos;s changes</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/sync/sync_page.py" line="46"/>
        <source>正在核对两边数据</source>
        <translation>Checking both sides agree</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/sync/sync_page.py" line="64"/>
        <source>立即同步 (F9)</source>
        <translation>Sync now (F9)</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/sync/sync_page.py" line="67"/>
        <source>停止</source>
        <translation>Stop</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/sync/sync_page.py" line="93"/>
        <source>处理冲突…</source>
        <translation>Resolve conflict…</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/sync/sync_page.py" line="91"/>
        <location filename="../../src/chc_desktop/ui/sync/sync_page.py" line="96"/>
        <location filename="../../src/chc_desktop/ui/sync/sync_page.py" line="101"/>
        <source>打开档案</source>
        <translation>Open file</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/sync/sync_page.py" line="44"/>
        <source>正在下载本机构的数据快照</source>
        <translation>Receiving this site&apos;s snapshot</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/sync/sync_page.py" line="70"/>
        <source>登记到中心…</source>
        <translation>Enrol at the hub…</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/sync/sync_page.py" line="88"/>
        <source>保留所选档案，合并同组其他档案…</source>
        <translation>Keep the selected file and merge the others of its group…</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/sync/sync_page.py" line="98"/>
        <source>修正后重新发送</source>
        <translation>Send again after fixing</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/sync/sync_page.py" line="108"/>
        <source>同步记录</source>
        <translation>Sync log</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/sync/sync_page.py" line="111"/>
        <source>疑似重复档案</source>
        <translation>Suspected duplicates</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/sync/sync_page.py" line="161"/>
        <source>冲突（%1）</source>
        <translation>Conflicts (%1)</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/sync/sync_page.py" line="162"/>
        <source>被拒收（%1）</source>
        <translation>Refused (%1)</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/sync/sync_page.py" line="182"/>
        <source>正在查找疑似重复档案…</source>
        <translation>Looking for suspected duplicate files…</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/sync/sync_page.py" line="190"/>
        <source>疑似重复档案（%1 组）</source>
        <translation>Suspected duplicates (%1 groups)</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/sync/sync_page.py" line="199"/>
        <source>本工作站单机使用，未连接中心</source>
        <translation>This workstation works on its own, not connected to a hub</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/sync/sync_page.py" line="200"/>
        <source>由管理员登记本工作站并连接中心后，数据会自动与中心同步。</source>
        <translation>Once an administrator enrols this workstation and connects it to the hub, data syncs with the hub automatically.</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/sync/sync_page.py" line="203"/>
        <source>在线</source>
        <translation>online</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/sync/sync_page.py" line="203"/>
        <source>离线</source>
        <translation>offline</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/sync/sync_page.py" line="203"/>
        <source>尚未同步</source>
        <translation>not synced yet</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/sync/sync_page.py" line="204"/>
        <source>中心 %1 · %2</source>
        <translation>Hub %1 · %2</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/sync/sync_page.py" line="205"/>
        <source>从未</source>
        <translation>never</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/sync/sync_page.py" line="207"/>
        <source>上次成功同步：%1；待上传 %2 条；被拒收 %3 条；未处理冲突 %4 个。</source>
        <translation>Last successful sync: %1; %2 changes waiting; %3 refused; %4 open conflicts.</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/sync/sync_page.py" line="221"/>
        <source>正在同步…</source>
        <translation>Syncing…</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/sync/sync_page.py" line="231"/>
        <source>同步完成：</source>
        <translation>Sync finished: </translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/sync/sync_page.py" line="231"/>
        <source>同步未完成：</source>
        <translation>Sync did not finish: </translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/sync/sync_page.py" line="255"/>
        <source>冲突已处理，结果将在下次同步时发送到中心。</source>
        <translation>Conflict resolved; the result goes to the hub at the next sync.</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/sync/sync_page.py" line="267"/>
        <source>已重新排队，将在下次同步时发送。</source>
        <translation>Queued again; it will be sent at the next sync.</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/sync/sync_page.py" line="284"/>
        <source>保留 %1（%2），把同组另外 %3 份档案的既往史、家庭等记录移入，并注销它们（记入审计）。</source>
        <translation>Keep %1 (%2): move the history, household and other records of the %3 other files of the group into it and close them (audited).</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/sync/sync_page.py" line="290"/>
        <source>合并重复档案</source>
        <translation>Merge duplicate files</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/sync/sync_page.py" line="298"/>
        <source>已合并到 %1 的档案。</source>
        <translation>Merged into the file of %1.</translation>
    </message>
</context>
<context>
    <name>SyncStatusLabel</name>
    <message>
        <location filename="../../src/chc_desktop/ui/sync/controller.py" line="199"/>
        <source>单机使用（未连接中心）</source>
        <translation>Standalone (no hub)</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/sync/controller.py" line="204"/>
        <source>● 正在同步</source>
        <translation>● Syncing</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/sync/controller.py" line="206"/>
        <source>● 在线</source>
        <translation>● Online</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/sync/controller.py" line="208"/>
        <source>○ 尚未同步</source>
        <translation>○ Not synced yet</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/sync/controller.py" line="210"/>
        <source>○ 离线</source>
        <translation>○ Offline</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/sync/controller.py" line="213"/>
        <source>上次同步 %1</source>
        <translation>last sync %1</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/sync/controller.py" line="214"/>
        <source>待上传 %1</source>
        <translation>%1 waiting</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/sync/controller.py" line="216"/>
        <source>被拒 %1</source>
        <translation>%1 refused</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/sync/controller.py" line="218"/>
        <source>冲突 %1</source>
        <translation>%1 conflicts</translation>
    </message>
</context>
<context>
    <name>TeamDialog</name>
    <message>
        <location filename="../../src/chc_desktop/ui/admin/teams_page.py" line="63"/>
        <source>新建团队</source>
        <translation>New team</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/admin/teams_page.py" line="63"/>
        <source>修改团队</source>
        <translation>Edit team</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/admin/teams_page.py" line="86"/>
        <source>团队名称</source>
        <translation>Team name</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/admin/teams_page.py" line="87"/>
        <source>社区卫生服务中心</source>
        <translation>Health centre</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/admin/teams_page.py" line="88"/>
        <source>团队长（家庭医生）</source>
        <translation>Lead (family doctor)</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/admin/teams_page.py" line="89"/>
        <source>备注</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/admin/teams_page.py" line="93"/>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/admin/teams_page.py" line="93"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/admin/teams_page.py" line="101"/>
        <source>请先添加家庭医生账户</source>
        <translation>Add a family doctor&apos;s account first</translation>
    </message>
</context>
<context>
    <name>TeamsPage</name>
    <message>
        <location filename="../../src/chc_desktop/ui/admin/teams_page.py" line="27"/>
        <source>在用</source>
        <translation>Active</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/admin/teams_page.py" line="27"/>
        <source>已停用</source>
        <translation>Stood down</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/admin/teams_page.py" line="37"/>
        <source>团队</source>
        <translation>Team</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/admin/teams_page.py" line="38"/>
        <source>社区卫生服务中心</source>
        <translation>Health centre</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/admin/teams_page.py" line="39"/>
        <source>团队长</source>
        <translation>Lead</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/admin/teams_page.py" line="40"/>
        <source>成员</source>
        <translation>Members</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/admin/teams_page.py" line="41"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/admin/teams_page.py" line="48"/>
        <source>角色</source>
        <translation>Role</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/admin/teams_page.py" line="49"/>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/admin/teams_page.py" line="50"/>
        <source>所在医院</source>
        <translation>Hospital</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/admin/teams_page.py" line="51"/>
        <source>专科</source>
        <translation>Specialty</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/admin/teams_page.py" line="208"/>
        <source>新建团队…</source>
        <translation>New team…</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/admin/teams_page.py" line="209"/>
        <source>修改…</source>
        <translation>Edit…</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/admin/teams_page.py" line="210"/>
        <location filename="../../src/chc_desktop/ui/admin/teams_page.py" line="250"/>
        <source>停用</source>
        <translation>Stand down</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/admin/teams_page.py" line="211"/>
        <source>添加成员…</source>
        <translation>Add member…</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/admin/teams_page.py" line="212"/>
        <source>移除成员</source>
        <translation>Remove member</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/admin/teams_page.py" line="226"/>
        <source>所选团队的成员</source>
        <translation>Members of the selected team</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/admin/teams_page.py" line="250"/>
        <source>启用</source>
        <translation>Reactivate</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/admin/teams_page.py" line="255"/>
        <source>已新建团队。</source>
        <translation>Team created.</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/admin/teams_page.py" line="261"/>
        <source>已保存。</source>
        <translation>Saved.</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/admin/teams_page.py" line="273"/>
        <source>已启用。</source>
        <translation>Reactivated.</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/admin/teams_page.py" line="273"/>
        <source>已停用。</source>
        <translation>Stood down.</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/admin/teams_page.py" line="279"/>
        <source>已添加成员。</source>
        <translation>Member added.</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/admin/teams_page.py" line="287"/>
        <source>请先选择要移除的成员。</source>
        <translation>Select the member to remove first.</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/admin/teams_page.py" line="294"/>
        <source>已移除成员；其签约记录保留不变。</source>
        <translation>Member removed; their contracts are kept as they are.</translation>
    </message>
</context>
<context>
    <name>TerminateDialog</name>
    <message>
        <location filename="../../src/chc_desktop/ui/contracts/dialogs.py" line="253"/>
        <location filename="../../src/chc_desktop/ui/contracts/dialogs.py" line="286"/>
        <source>解约</source>
        <translation>Terminate</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/contracts/dialogs.py" line="260"/>
        <source>（请选择）</source>
        <translation>(choose)</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/contracts/dialogs.py" line="270"/>
        <source>%1，%2 至 %3</source>
        <translation>%1, %2 to %3</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/contracts/dialogs.py" line="275"/>
        <source>签约</source>
        <translation>Contract</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/contracts/dialogs.py" line="276"/>
        <source>解约原因</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/contracts/dialogs.py" line="277"/>
        <source>解约日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/contracts/dialogs.py" line="278"/>
        <source>说明</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/contracts/dialogs.py" line="279"/>
        <source>居民死亡时无需在此解约：在档案状态中登记死亡，签约会自动终止。</source>
        <translation>No need to terminate here when a resident dies: record the death in the file&apos;s status and the contract ends by itself.</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/contracts/dialogs.py" line="286"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>TrendChart</name>
    <message>
        <location filename="../../src/chc_desktop/ui/hospice/trend_chart.py" line="81"/>
        <source>KPS</source>
        <translation>KPS</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/hospice/trend_chart.py" line="82"/>
        <source>PPS %</source>
        <translation>PPS %</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/hospice/trend_chart.py" line="84"/>
        <source>ESAS-r 总分（右轴）</source>
        <translation>ESAS-r total (right axis)</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/hospice/trend_chart.py" line="96"/>
        <source>尚无安宁疗护评估，评估后这里显示 PPS、KPS 和 ESAS-r 的变化。</source>
        <translation>No hospice care assessment yet. Once assessed, the course of PPS, KPS and ESAS-r shows here.</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/hospice/trend_chart.py" line="239"/>
        <source>%1（第 %2 版）
KPS %3&#x3000;PPS %4&#x3000;ESAS-r 总分 %5</source>
        <translation>%1 (version %2)
KPS %3  PPS %4  ESAS-r total %5</translation>
    </message>
</context>
<context>
    <name>UnlockDialog</name>
    <message>
        <location filename="../../src/chc_desktop/ui/idle_lock.py" line="36"/>
        <source>已锁定 — 社区卫生服务中心桌面工作站</source>
        <translation>Locked — CHC Desktop</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/idle_lock.py" line="38"/>
        <source>较长时间无操作，屏幕已锁定。%1，请输入密码解锁。</source>
        <translation>The screen locked after a while without activity. %1, enter your password to unlock.</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/idle_lock.py" line="47"/>
        <source>解锁</source>
        <translation>Unlock</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/idle_lock.py" line="50"/>
        <source>退出程序</source>
        <translation>Quit</translation>
    </message>
</context>
<context>
    <name>UserListModel</name>
    <message>
        <location filename="../../src/chc_desktop/ui/admin/users_page.py" line="47"/>
        <source>用户名</source>
        <translation>User name</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/admin/users_page.py" line="48"/>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/admin/users_page.py" line="49"/>
        <source>角色</source>
        <translation>Role</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/admin/users_page.py" line="50"/>
        <source>所属机构</source>
        <translation>Site</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/admin/users_page.py" line="51"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/admin/users_page.py" line="86"/>
        <source>启用</source>
        <translation>Active</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/admin/users_page.py" line="86"/>
        <source>已停用</source>
        <translation>Disabled</translation>
    </message>
</context>
<context>
    <name>UsersPage</name>
    <message>
        <location filename="../../src/chc_desktop/ui/admin/users_page.py" line="241"/>
        <source>添加用户…</source>
        <translation>Add user…</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/admin/users_page.py" line="244"/>
        <source>重设密码…</source>
        <translation>Reset password…</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/admin/users_page.py" line="247"/>
        <location filename="../../src/chc_desktop/ui/admin/users_page.py" line="270"/>
        <source>停用</source>
        <translation>Disable</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/admin/users_page.py" line="270"/>
        <source>启用</source>
        <translation>Enable</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/admin/users_page.py" line="293"/>
        <source>重设密码</source>
        <translation>Reset password</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/admin/users_page.py" line="293"/>
        <source>已重设 %1 的密码。</source>
        <translation>The password of %1 has been reset.</translation>
    </message>
</context>
<context>
    <name>VisitEntry</name>
    <message>
        <location filename="../../src/chc_desktop/ui/homebeds/visit_entry.py" line="52"/>
        <source>找不到该查床记录</source>
        <translation>Visit record not found</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/homebeds/visit_entry.py" line="74"/>
        <source>更正查床记录</source>
        <translation>Correct a visit</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/homebeds/visit_entry.py" line="74"/>
        <source>记录查床</source>
        <translation>Record a visit</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/homebeds/visit_entry.py" line="78"/>
        <source>%1&#x3000;%2&#x3000;家床号 %3</source>
        <translation>%1&#x3000;%2&#x3000;Bed no. %3</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/homebeds/visit_entry.py" line="86"/>
        <source>本次为%1，记录人：%2</source>
        <translation>This is a %1, recorded by %2</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/homebeds/visit_entry.py" line="100"/>
        <source>如 收缩压录入错误</source>
        <translation>e.g. systolic pressure mistyped</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/homebeds/visit_entry.py" line="117"/>
        <source>如 夜间咳嗽，痰多</source>
        <translation>e.g. cough at night, much sputum</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/homebeds/visit_entry.py" line="119"/>
        <source>未测可留空</source>
        <translation>leave empty if not measured</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/homebeds/visit_entry.py" line="130"/>
        <source>约定</source>
        <translation>Agreed</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/homebeds/visit_entry.py" line="132"/>
        <source>保存（Ctrl+Enter）</source>
        <translation>Save (Ctrl+Enter)</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/homebeds/visit_entry.py" line="133"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/homebeds/visit_entry.py" line="145"/>
        <source>更正 %1 %2（%3）的记录；原记录保留，并标记为已更正。</source>
        <translation>Corrects the %2 of %1 (%3); the original is kept and marked corrected.</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/homebeds/visit_entry.py" line="152"/>
        <source>更正</source>
        <translation>Corrects</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/homebeds/visit_entry.py" line="153"/>
        <source>更正原因 *</source>
        <translation>Reason for correction *</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/homebeds/visit_entry.py" line="162"/>
        <source>查床时间</source>
        <translation>Visit time</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/homebeds/visit_entry.py" line="163"/>
        <source>主诉</source>
        <translation>Complaint</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/homebeds/visit_entry.py" line="165"/>
        <source>生命体征（未测可留空）</source>
        <translation>Vital signs (leave empty if not measured)</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/homebeds/visit_entry.py" line="184"/>
        <source>体格检查</source>
        <translation>Examination</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/homebeds/visit_entry.py" line="185"/>
        <source>辅助检查</source>
        <translation>Tests</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/homebeds/visit_entry.py" line="186"/>
        <source>处理及医嘱</source>
        <translation>Treatment and orders</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/homebeds/visit_entry.py" line="187"/>
        <source>护理</source>
        <translation>Nursing</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/homebeds/visit_entry.py" line="188"/>
        <source>与家属沟通</source>
        <translation>Talk with family</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/homebeds/visit_entry.py" line="192"/>
        <source>下次查床日期</source>
        <translation>Next visit</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/homebeds/visit_entry.py" line="194"/>
        <source>Tab 依次切换各项；Ctrl+Enter 或 Ctrl+S 保存；Esc 取消。</source>
        <translation>Tab moves through the fields; Ctrl+Enter or Ctrl+S saves; Esc cancels.</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/homebeds/visit_entry.py" line="294"/>
        <source>请填写数字</source>
        <translation>Enter a number</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/homebeds/visit_entry.py" line="353"/>
        <source>查床记录尚未保存。放弃填写的内容吗？</source>
        <translation>The visit has not been saved. Discard what you entered?</translation>
    </message>
</context>
<context>
    <name>Widgets</name>
    <message>
        <location filename="../../src/chc_desktop/ui/widgets.py" line="277"/>
        <source>（医生）</source>
        <translation>(doctor)</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/widgets.py" line="278"/>
        <source>（护士）</source>
        <translation>(nurse)</translation>
    </message>
</context>
<context>
    <name>Workbench</name>
    <message>
        <location filename="../../src/chc_desktop/ui/workbench/models.py" line="40"/>
        <source>名称</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/workbench/models.py" line="41"/>
        <source>在册人数</source>
        <translation>On register</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/workbench/models.py" line="42"/>
        <source>已签约</source>
        <translation>Signed</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/workbench/models.py" line="43"/>
        <source>签约率</source>
        <translation>Coverage</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/workbench/models.py" line="44"/>
        <source>距目标（人）</source>
        <translation>Short of target</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/workbench/models.py" line="45"/>
        <source>重点人群</source>
        <translation>Key populations</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/workbench/models.py" line="46"/>
        <source>重点人群已签约</source>
        <translation>Key signed</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/workbench/models.py" line="47"/>
        <source>重点人群签约率</source>
        <translation>Key coverage</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/workbench/models.py" line="48"/>
        <source>距目标（人） </source>
        <translation>Key short of target</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/workbench/models.py" line="49"/>
        <source>在约签约数</source>
        <translation>Contracts in force</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/workbench/models.py" line="70"/>
        <source>到期日期</source>
        <translation>Ends</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/workbench/models.py" line="71"/>
        <source>剩余天数</source>
        <translation>Days left</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/workbench/models.py" line="72"/>
        <location filename="../../src/chc_desktop/ui/workbench/models.py" line="95"/>
        <location filename="../../src/chc_desktop/ui/workbench/models.py" line="131"/>
        <location filename="../../src/chc_desktop/ui/workbench/models.py" line="167"/>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/workbench/models.py" line="73"/>
        <location filename="../../src/chc_desktop/ui/workbench/models.py" line="96"/>
        <source>性别</source>
        <translation>Sex</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/workbench/models.py" line="74"/>
        <location filename="../../src/chc_desktop/ui/workbench/models.py" line="97"/>
        <source>年龄</source>
        <translation>Age</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/workbench/models.py" line="75"/>
        <source>联系电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/workbench/models.py" line="76"/>
        <source>签约团队</source>
        <translation>Team</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/workbench/models.py" line="77"/>
        <source>签约医生</source>
        <translation>Doctor</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/workbench/models.py" line="91"/>
        <source>复评日期</source>
        <translation>Reassessment due</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/workbench/models.py" line="94"/>
        <location filename="../../src/chc_desktop/ui/workbench/models.py" line="134"/>
        <source>逾期天数</source>
        <translation>Days overdue</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/workbench/models.py" line="98"/>
        <source>上次评估</source>
        <translation>Last assessed</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/workbench/models.py" line="100"/>
        <source>PPS</source>
        <translation>PPS</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/workbench/models.py" line="104"/>
        <source>安排</source>
        <translation>Setting</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/workbench/models.py" line="129"/>
        <source>街道</source>
        <translation>Street</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/workbench/models.py" line="130"/>
        <source>居委</source>
        <translation>Committee</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/workbench/models.py" line="132"/>
        <source>地址</source>
        <translation>Address</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/workbench/models.py" line="133"/>
        <source>查床/巡诊</source>
        <translation>Visit</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/workbench/models.py" line="135"/>
        <source>应查日期</source>
        <translation>Due</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/workbench/models.py" line="137"/>
        <source>上次</source>
        <translation>Last</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/workbench/models.py" line="140"/>
        <location filename="../../src/chc_desktop/ui/workbench/models.py" line="166"/>
        <source>家床号</source>
        <translation>Bed no.</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/workbench/models.py" line="141"/>
        <location filename="../../src/chc_desktop/ui/workbench/models.py" line="168"/>
        <source>类型</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/workbench/models.py" line="142"/>
        <source>责任人</source>
        <translation>Responsible</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/workbench/models.py" line="163"/>
        <source>计划结束</source>
        <translation>Planned end</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/workbench/models.py" line="169"/>
        <source>床日</source>
        <translation>Bed days</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/workbench/models.py" line="170"/>
        <source>责任医生</source>
        <translation>Doctor</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/workbench/models.py" line="171"/>
        <source>提示</source>
        <translation>Warnings</translation>
    </message>
</context>
<context>
    <name>WorkbenchPage</name>
    <message>
        <location filename="../../src/chc_desktop/ui/workbench/workbench_page.py" line="75"/>
        <source>工作台</source>
        <translation>Workbench</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/workbench/workbench_page.py" line="77"/>
        <location filename="../../src/chc_desktop/ui/workbench/workbench_page.py" line="206"/>
        <source>正在统计…</source>
        <translation>Counting…</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/workbench/workbench_page.py" line="80"/>
        <source>刷新</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/workbench/workbench_page.py" line="81"/>
        <source>导出 Excel…</source>
        <translation>Export to Excel…</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/workbench/workbench_page.py" line="82"/>
        <source>把当前页签的列表导出为 Excel 文件</source>
        <translation>Export the list of the current tab to an Excel file</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/workbench/workbench_page.py" line="103"/>
        <source>签约覆盖率：</source>
        <translation>Coverage:</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/workbench/workbench_page.py" line="104"/>
        <source>按中心</source>
        <translation>By centre</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/workbench/workbench_page.py" line="104"/>
        <source>按团队</source>
        <translation>By team</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/workbench/workbench_page.py" line="104"/>
        <source>按医生</source>
        <translation>By doctor</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/workbench/workbench_page.py" line="135"/>
        <source>覆盖率明细</source>
        <translation>Coverage detail</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/workbench/workbench_page.py" line="136"/>
        <source>重点人群中尚未签约的居民（应签尽签）</source>
        <translation>Key-population residents not yet signed</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/workbench/workbench_page.py" line="137"/>
        <source>与我所在团队签约、签约在有效期内的居民</source>
        <translation>Residents with a contract in force with my team</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/workbench/workbench_page.py" line="142"/>
        <source>安宁疗护患者已到复评日期（按复评日期排序）</source>
        <translation>Hospice care patients due for reassessment (by due date)</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/workbench/workbench_page.py" line="144"/>
        <source>发往本机构、尚未接收的转诊</source>
        <translation>Referrals to this site not yet accepted</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/workbench/workbench_page.py" line="150"/>
        <source>今天应查和逾期未查的家庭病床，按街道、居委排列；回车即记录</source>
        <translation>Home-bed visits due today or overdue, by street and committee; Enter records one</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/workbench/workbench_page.py" line="154"/>
        <source>建床周期 7 天内届满的家庭病床：请撤床或续床</source>
        <translation>Home beds whose cycle ends within 7 days: discharge or renew</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/workbench/workbench_page.py" line="218"/>
        <source>统计失败：%1</source>
        <translation>Counting failed: %1</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/workbench/workbench_page.py" line="238"/>
        <source>全人群签约率 %1（目标 %2%）</source>
        <translation>Coverage, all: %1 (target %2%)</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/workbench/workbench_page.py" line="244"/>
        <source>重点人群签约率 %1（目标 %2%）</source>
        <translation>Coverage, key populations: %1 (target %2%)</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/workbench/workbench_page.py" line="250"/>
        <source>统计日期 %1</source>
        <translation>Counted on %1</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/workbench/workbench_page.py" line="252"/>
        <source>；%1 位居民同时有两份在约签约（多站离线签约），请在其档案中解约其一</source>
        <translation>; %1 residents hold two contracts in force (signed offline at two stations): terminate one in the file</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/workbench/workbench_page.py" line="260"/>
        <source>，已达标</source>
        <translation>, target met</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/workbench/workbench_page.py" line="260"/>
        <source>，尚差 %1 人</source>
        <translation>, %1 short</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/workbench/workbench_page.py" line="269"/>
        <source>%1 天内到期</source>
        <translation>Ending within %1 days</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/workbench/workbench_page.py" line="272"/>
        <source>应签未签</source>
        <translation>Not yet signed</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/workbench/workbench_page.py" line="273"/>
        <location filename="../../src/chc_desktop/ui/workbench/workbench_page.py" line="306"/>
        <source>我的签约居民</source>
        <translation>My residents</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/workbench/workbench_page.py" line="274"/>
        <source>复评到期</source>
        <translation>Reassessments due</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/workbench/workbench_page.py" line="275"/>
        <source>待接收转诊</source>
        <translation>Referrals to accept</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/workbench/workbench_page.py" line="276"/>
        <source>今日查床</source>
        <translation>Today&apos;s visits</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/workbench/workbench_page.py" line="277"/>
        <source>周期将满</source>
        <translation>Cycles ending</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/workbench/workbench_page.py" line="304"/>
        <source>即将到期的签约</source>
        <translation>Contracts ending soon</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/workbench/workbench_page.py" line="305"/>
        <source>应签未签重点人群</source>
        <translation>Key populations not yet signed</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/workbench/workbench_page.py" line="308"/>
        <source>签约覆盖率</source>
        <translation>Coverage</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/workbench/workbench_page.py" line="309"/>
        <source>导出%1</source>
        <translation>Export %1</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/workbench/workbench_page.py" line="325"/>
        <source>已导出 %1 行到 %2</source>
        <translation>Exported %1 rows to %2</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/workbench/workbench_page.py" line="329"/>
        <source>正在导出…</source>
        <translation>Exporting…</translation>
    </message>
</context>
<context>
    <name>_StepDialog</name>
    <message>
        <location filename="../../src/chc_desktop/ui/homebeds/dialogs.py" line="138"/>
        <source>ICD-10</source>
        <translation>ICD-10</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <location filename="../../src/chc_desktop/ui/app.py" line="87"/>
        <source>正在生成演示数据（%1 位虚构居民）…</source>
        <translation>Building demo data (%1 fictitious residents)…</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/app.py" line="111"/>
        <location filename="../../src/chc_desktop/ui/app.py" line="135"/>
        <source>社区卫生服务中心桌面工作站</source>
        <translation>CHC Desktop</translation>
    </message>
</context>
<context>
    <name>sync</name>
    <message>
        <location filename="../../src/chc_desktop/ui/sync/models.py" line="22"/>
        <source>成功</source>
        <translation>succeeded</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/sync/models.py" line="23"/>
        <source>失败</source>
        <translation>failed</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/sync/models.py" line="24"/>
        <source>被拒绝</source>
        <translation>refused</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/sync/models.py" line="25"/>
        <source>进行中</source>
        <translation>running</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/sync/models.py" line="36"/>
        <source>（空）</source>
        <translation>(empty)</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/sync/models.py" line="54"/>
        <source>开始时间</source>
        <translation>Started</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/sync/models.py" line="55"/>
        <source>结果</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/sync/models.py" line="56"/>
        <source>上传</source>
        <translation>Sent</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/sync/models.py" line="57"/>
        <source>下载</source>
        <translation>Received</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/sync/models.py" line="58"/>
        <source>被拒</source>
        <translation>Refused</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/sync/models.py" line="59"/>
        <source>新冲突</source>
        <translation>New conflicts</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/sync/models.py" line="60"/>
        <source>说明</source>
        <translation>Summary</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/sync/models.py" line="66"/>
        <source>修改时间</source>
        <translation>Changed at</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/sync/models.py" line="67"/>
        <source>类别</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/sync/models.py" line="68"/>
        <location filename="../../src/chc_desktop/ui/sync/models.py" line="77"/>
        <source>记录</source>
        <translation>Record</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/sync/models.py" line="69"/>
        <source>修改的项目</source>
        <translation>Items changed</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/sync/models.py" line="70"/>
        <source>中心拒收的原因</source>
        <translation>Why the hub refused it</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/sync/models.py" line="76"/>
        <source>发现时间</source>
        <translation>Found at</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/sync/models.py" line="78"/>
        <source>项目</source>
        <translation>Item</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/sync/models.py" line="79"/>
        <source>现用值</source>
        <translation>Current value</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/sync/models.py" line="80"/>
        <source>另一值</source>
        <translation>Other value</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/sync/models.py" line="91"/>
        <source>组</source>
        <translation>Group</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/sync/models.py" line="92"/>
        <source>相同之处</source>
        <translation>What matches</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/sync/models.py" line="93"/>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/sync/models.py" line="94"/>
        <source>出生日期</source>
        <translation>Date of birth</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/sync/models.py" line="95"/>
        <source>身份证号</source>
        <translation>ID number</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/sync/models.py" line="96"/>
        <source>档案编号</source>
        <translation>Record number</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/sync/models.py" line="97"/>
        <source>居委会</source>
        <translation>Committee</translation>
    </message>
</context>
<context>
    <name>widgets</name>
    <message>
        <location filename="../../src/chc_desktop/ui/widgets.py" line="344"/>
        <source>Excel 文件 (*.xlsx)</source>
        <translation>Excel files (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/widgets.py" line="362"/>
        <source>登录中心</source>
        <translation>Log in to the hub</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/widgets.py" line="367"/>
        <source>未登录中心，未做更改</source>
        <translation>Not logged in to the hub; nothing was changed</translation>
    </message>
</context>
<context>
    <name>workers</name>
    <message>
        <location filename="../../src/chc_desktop/ui/workers.py" line="92"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/workers.py" line="132"/>
        <source>正在取消…</source>
        <translation>Cancelling…</translation>
    </message>
</context>
</TS>
