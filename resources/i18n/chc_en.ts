<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>AddUserDialog</name>
    <message>
        <location filename="../../src/chc_desktop/ui/admin/users_page.py" line="118"/>
        <source>添加用户</source>
        <translation>Add user</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/admin/users_page.py" line="123"/>
        <source>小写字母、数字和 . _ -</source>
        <translation>lower-case letters, digits and . _ -</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/admin/users_page.py" line="132"/>
        <source>（不指定）</source>
        <translation>(none)</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/admin/users_page.py" line="139"/>
        <source>用户名</source>
        <translation>User name</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/admin/users_page.py" line="140"/>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/admin/users_page.py" line="141"/>
        <source>角色</source>
        <translation>Role</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/admin/users_page.py" line="142"/>
        <source>所属机构</source>
        <translation>Site</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/admin/users_page.py" line="146"/>
        <source>初始密码</source>
        <translation>Initial password</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/admin/users_page.py" line="146"/>
        <source>再次输入密码</source>
        <translation>Repeat password</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/admin/users_page.py" line="147"/>
        <source>密码至少 8 位，需同时包含字母和数字。请当面告知本人，并提醒其登录后修改。</source>
        <translation>At least 8 characters with both letters and digits. Tell the person face to face and ask them to change it after logging in.</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/admin/users_page.py" line="151"/>
        <source>添加</source>
        <translation>Add</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/admin/users_page.py" line="151"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/admin/users_page.py" line="165"/>
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
    <name>CodeCombo</name>
    <message>
        <location filename="../../src/chc_desktop/ui/widgets.py" line="127"/>
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
        <location filename="../../src/chc_desktop/ui/sync/dialogs.py" line="33"/>
        <source>处理同步冲突</source>
        <translation>Resolve a sync conflict</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/sync/dialogs.py" line="35"/>
        <source>%1 的“%2”在两台工作站上被改成了不同的值。请核实后选择保留哪一个，或填写正确的值。</source>
        <translation>“%2” of %1 was changed to different values at two workstations. Check, then keep one of them or type the correct value.</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/sync/dialogs.py" line="43"/>
        <source>保留现用值</source>
        <translation>Keep the current value</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/sync/dialogs.py" line="45"/>
        <source>改用另一值</source>
        <translation>Use the other value</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/sync/dialogs.py" line="47"/>
        <source>填写其他值</source>
        <translation>Type another value</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/sync/dialogs.py" line="62"/>
        <source>%1 修改于 %2</source>
        <translation>changed by %1 at %2</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/sync/dialogs.py" line="67"/>
        <source>正确的值</source>
        <translation>Correct value</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/sync/dialogs.py" line="77"/>
        <source>确定</source>
        <translation>OK</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/sync/dialogs.py" line="77"/>
        <source>以后再说</source>
        <translation>Later</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/sync/dialogs.py" line="88"/>
        <source>请填写正确的值，或选择保留其中一个值</source>
        <translation>Type the correct value, or keep one of the two values</translation>
    </message>
</context>
<context>
    <name>ContractTab</name>
    <message>
        <location filename="../../src/chc_desktop/ui/contracts/contract_tab.py" line="38"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/contracts/contract_tab.py" line="39"/>
        <source>团队</source>
        <translation>Team</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/contracts/contract_tab.py" line="40"/>
        <source>签约医生</source>
        <translation>Doctor</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/contracts/contract_tab.py" line="41"/>
        <source>开始</source>
        <translation>Start</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/contracts/contract_tab.py" line="42"/>
        <source>结束</source>
        <translation>End</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/contracts/contract_tab.py" line="43"/>
        <source>服务包</source>
        <translation>Packages</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/contracts/contract_tab.py" line="44"/>
        <source>签约方式</source>
        <translation>How signed</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/contracts/contract_tab.py" line="45"/>
        <source>结束原因</source>
        <translation>Reason ended</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/contracts/contract_tab.py" line="49"/>
        <source>签约…</source>
        <translation>Sign…</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/contracts/contract_tab.py" line="51"/>
        <source>家庭签约…</source>
        <translation>Sign household…</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/contracts/contract_tab.py" line="53"/>
        <location filename="../../src/chc_desktop/ui/contracts/contract_tab.py" line="150"/>
        <source>续约</source>
        <translation>Renew</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/contracts/contract_tab.py" line="54"/>
        <source>改签…</source>
        <translation>Switch team…</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/contracts/contract_tab.py" line="55"/>
        <source>解约…</source>
        <translation>Terminate…</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/contracts/contract_tab.py" line="74"/>
        <source>签约记录</source>
        <translation>Contract history</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/contracts/contract_tab.py" line="84"/>
        <source>当前未签约。</source>
        <translation>No contract in force.</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/contracts/contract_tab.py" line="88"/>
        <source>已签约：%1（%2），%3 至 %4，服务包：%5，自付 %6 元</source>
        <translation>Signed: %1 (%2), %3 to %4, packages: %5, self-pay %6 yuan</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/contracts/contract_tab.py" line="97"/>
        <source>；1+1+1：%1</source>
        <translation>; 1+1+1: %1</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/contracts/contract_tab.py" line="100"/>
        <source>（%1 起生效）</source>
        <translation> (in force from %1)</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/contracts/contract_tab.py" line="102"/>
        <source>（%1 天后到期，请提醒续约）</source>
        <translation> (ends in %1 days: remind to renew)</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/contracts/contract_tab.py" line="132"/>
        <source>已为家庭中 %1 人签约</source>
        <translation>Signed %1 household members</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/contracts/contract_tab.py" line="135"/>
        <source>；%1 人未签：%2</source>
        <translation>; %1 not signed: %2</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/contracts/contract_tab.py" line="141"/>
        <source>已签约。</source>
        <translation>Signed.</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/contracts/contract_tab.py" line="141"/>
        <source>已改签。</source>
        <translation>Switched.</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/contracts/contract_tab.py" line="151"/>
        <source>与%1续约一个周期（自 %2 起）？</source>
        <translation>Renew with %1 for one term (from %2)?</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/contracts/contract_tab.py" line="162"/>
        <source>已续约至 %1。</source>
        <translation>Renewed until %1.</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/contracts/contract_tab.py" line="170"/>
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
    <name>HouseholdTab</name>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/file_tabs.py" line="119"/>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/file_tabs.py" line="119"/>
        <source>与户主关系</source>
        <translation>Relation to head</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/file_tabs.py" line="119"/>
        <source>性别</source>
        <translation>Sex</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/file_tabs.py" line="119"/>
        <source>年龄</source>
        <translation>Age</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/file_tabs.py" line="122"/>
        <source>新建家庭（本人为户主）</source>
        <translation>New household (this resident as head)</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/file_tabs.py" line="125"/>
        <source>移出家庭</source>
        <translation>Leave household</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/file_tabs.py" line="135"/>
        <source>加入其他居民的家庭</source>
        <translation>Join another resident’s household</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/file_tabs.py" line="138"/>
        <source>输入家人的姓名、拼音首字母、身份证号或档案编号，回车查找</source>
        <translation>Family member’s name, pinyin initials, ID number or record number; Enter searches</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/file_tabs.py" line="140"/>
        <source>查找</source>
        <translation>Find</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/file_tabs.py" line="146"/>
        <source>（选择与户主关系）</source>
        <translation>(relation to the head)</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/file_tabs.py" line="148"/>
        <source>加入所选居民的家庭</source>
        <translation>Join the chosen resident’s household</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/file_tabs.py" line="155"/>
        <source>本人与户主的关系</source>
        <translation>This resident’s relation to the head</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/file_tabs.py" line="172"/>
        <source>家庭的修改立即生效，无需点击“保存”。</source>
        <translation>Household changes take effect at once; no need to press Save.</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/file_tabs.py" line="182"/>
        <source>尚未加入任何家庭。</source>
        <translation>Not in a household yet.</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/file_tabs.py" line="185"/>
        <source>家庭住址：%1&#x3000;&#x3000;共 %2 人</source>
        <translation>Household address: %1    %2 members</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/file_tabs.py" line="228"/>
        <source>没有找到其他居民</source>
        <translation>No other resident found</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/file_tabs.py" line="233"/>
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
    <name>JoinHubDialog</name>
    <message>
        <location filename="../../src/chc_desktop/ui/sync/dialogs.py" line="105"/>
        <source>连接中心</source>
        <translation>Connect to the hub</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/sync/dialogs.py" line="113"/>
        <source>中心地址</source>
        <translation>Hub address</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/sync/dialogs.py" line="114"/>
        <source>工作站凭据</source>
        <translation>Workstation token</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/sync/dialogs.py" line="116"/>
        <source>凭据保存在系统钥匙串中。</source>
        <translation>The token is kept in the system keyring.</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/sync/dialogs.py" line="124"/>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/sync/dialogs.py" line="124"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/sync/dialogs.py" line="128"/>
        <source>请填写中心地址和工作站凭据</source>
        <translation>Enter the hub address and the workstation token</translation>
    </message>
</context>
<context>
    <name>KeyPopulationTab</name>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/file_tabs.py" line="247"/>
        <source>按年龄</source>
        <translation>By age</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/file_tabs.py" line="248"/>
        <source>按档案（既往史、残疾）</source>
        <translation>From the record (history, disability)</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/file_tabs.py" line="249"/>
        <source>人工标记</source>
        <translation>Tagged by staff</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/file_tabs.py" line="250"/>
        <source>导入</source>
        <translation>Imported</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/file_tabs.py" line="257"/>
        <location filename="../../src/chc_desktop/ui/residents/file_tabs.py" line="281"/>
        <source>重点人群</source>
        <translation>Key population</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/file_tabs.py" line="257"/>
        <source>依据</source>
        <translation>Source</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/file_tabs.py" line="257"/>
        <location filename="../../src/chc_desktop/ui/residents/file_tabs.py" line="282"/>
        <source>起始日期</source>
        <translation>Since</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/file_tabs.py" line="257"/>
        <location filename="../../src/chc_desktop/ui/residents/file_tabs.py" line="283"/>
        <source>备注</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/file_tabs.py" line="268"/>
        <source>依据，如低保证号、孕产妇建册日期</source>
        <translation>basis, e.g. subsistence-allowance card number, maternity booking date</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/file_tabs.py" line="269"/>
        <source>添加标记</source>
        <translation>Add tag</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/file_tabs.py" line="273"/>
        <source>结束所选标记</source>
        <translation>End the selected tag</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/file_tabs.py" line="279"/>
        <source>添加人工标记</source>
        <translation>Add a tag</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/file_tabs.py" line="288"/>
        <source>结束日期</source>
        <translation>End date</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/file_tabs.py" line="295"/>
        <source>老年人、0–6岁儿童按出生日期自动判断；高血压、糖尿病、严重精神障碍、肺结核和残疾人按既往史和残疾情况自动判断，无需人工标记。</source>
        <translation>Elderly people and children aged 0–6 follow from the date of birth; hypertension, diabetes, severe mental disorder, tuberculosis and disability follow from the history and disability fields. They need no manual tag.</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/file_tabs.py" line="341"/>
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
        <location filename="../../src/chc_desktop/ui/main_window.py" line="51"/>
        <location filename="../../src/chc_desktop/ui/main_window.py" line="277"/>
        <source>社区卫生服务中心桌面工作站</source>
        <translation>CHC Desktop</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/main_window.py" line="66"/>
        <source>工作台</source>
        <translation>Workbench</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/main_window.py" line="71"/>
        <source>居民</source>
        <translation>Residents</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/main_window.py" line="75"/>
        <source>同步</source>
        <translation>Sync</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/main_window.py" line="94"/>
        <source>查找</source>
        <translation>Search</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/main_window.py" line="133"/>
        <source>新建档案(&amp;N)</source>
        <translation>&amp;New record</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/main_window.py" line="136"/>
        <source>查找居民(&amp;F)</source>
        <translation>&amp;Find resident</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/main_window.py" line="138"/>
        <source>刷新(&amp;R)</source>
        <translation>&amp;Refresh</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/main_window.py" line="140"/>
        <source>退出(&amp;X)</source>
        <translation>E&amp;xit</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/main_window.py" line="143"/>
        <source>立即同步(&amp;S)</source>
        <translation>&amp;Sync now</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/main_window.py" line="145"/>
        <source>关于(&amp;A)</source>
        <translation>&amp;About</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/main_window.py" line="155"/>
        <source>文件(&amp;F)</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/main_window.py" line="157"/>
        <source>居民(&amp;R)</source>
        <translation>&amp;Residents</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/main_window.py" line="159"/>
        <source>同步(&amp;S)</source>
        <translation>&amp;Sync</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/main_window.py" line="161"/>
        <source>视图(&amp;V)</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/main_window.py" line="164"/>
        <source>界面语言(&amp;L)</source>
        <translation>&amp;Language</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/main_window.py" line="175"/>
        <source>帮助(&amp;H)</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/main_window.py" line="251"/>
        <source>已建档：%1，档案编号 %2</source>
        <translation>Filed: %1, record number %2</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/main_window.py" line="256"/>
        <source>已保存：%1</source>
        <translation>Saved: %1</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/main_window.py" line="263"/>
        <source>界面语言已设为 %1，下次启动时生效。</source>
        <translation>The language is now %1; it takes effect at the next start.</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/main_window.py" line="278"/>
        <source>版本 %1</source>
        <translation>Version %1</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/main_window.py" line="279"/>
        <source>居民健康档案、家庭医生签约、安宁疗护、家庭病床与转诊。</source>
        <translation>Resident health records, family-doctor contracts, hospice care, home hospital beds and referrals.</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/main_window.py" line="280"/>
        <source>关于</source>
        <translation>About</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/main_window.py" line="189"/>
        <source>未指定机构</source>
        <translation>No site</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/main_window.py" line="79"/>
        <source>管理</source>
        <translation>Administration</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/main_window.py" line="191"/>
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
        <location filename="../../src/chc_desktop/ui/widgets.py" line="166"/>
        <source>选“%1”时请写明</source>
        <translation>Say what, when choosing “%1”</translation>
    </message>
</context>
<context>
    <name>ResetPasswordDialog</name>
    <message>
        <location filename="../../src/chc_desktop/ui/admin/users_page.py" line="186"/>
        <source>重设密码</source>
        <translation>Reset password</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/admin/users_page.py" line="189"/>
        <source>用户</source>
        <translation>User</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/admin/users_page.py" line="190"/>
        <source>新密码</source>
        <translation>New password</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/admin/users_page.py" line="190"/>
        <source>再次输入密码</source>
        <translation>Repeat password</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/admin/users_page.py" line="192"/>
        <source>重设</source>
        <translation>Reset</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/admin/users_page.py" line="192"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/admin/users_page.py" line="203"/>
        <source>两次输入的密码不一致</source>
        <translation>The two passwords differ</translation>
    </message>
</context>
<context>
    <name>ResidentColumns</name>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/models.py" line="54"/>
        <source>档案编号</source>
        <translation>Record number</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/models.py" line="59"/>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/models.py" line="61"/>
        <source>性别</source>
        <translation>Sex</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/models.py" line="64"/>
        <source>年龄</source>
        <translation>Age</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/models.py" line="67"/>
        <source>出生日期</source>
        <translation>Date of birth</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/models.py" line="73"/>
        <source>身份证号</source>
        <translation>ID number</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/models.py" line="75"/>
        <source>联系电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/models.py" line="76"/>
        <source>街道</source>
        <translation>Street</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/models.py" line="77"/>
        <source>居委会</source>
        <translation>Committee</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/models.py" line="79"/>
        <source>现住址</source>
        <translation>Address</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/models.py" line="85"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
</context>
<context>
    <name>ResidentEditor</name>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/editor.py" line="93"/>
        <location filename="../../src/chc_desktop/ui/residents/editor.py" line="567"/>
        <source>新建居民健康档案</source>
        <translation>New resident health record</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/editor.py" line="93"/>
        <source>居民健康档案</source>
        <translation>Resident health record</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/editor.py" line="116"/>
        <source>封面</source>
        <translation>Cover</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/editor.py" line="117"/>
        <source>基本信息</source>
        <translation>Basic information</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/editor.py" line="119"/>
        <location filename="../../src/chc_desktop/ui/residents/editor.py" line="376"/>
        <source>既往史</source>
        <translation>History</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/editor.py" line="124"/>
        <location filename="../../src/chc_desktop/ui/residents/editor.py" line="135"/>
        <source>家庭</source>
        <translation>Household</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/editor.py" line="125"/>
        <location filename="../../src/chc_desktop/ui/residents/editor.py" line="135"/>
        <source>重点人群</source>
        <translation>Key population</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/editor.py" line="129"/>
        <location filename="../../src/chc_desktop/ui/residents/editor.py" line="136"/>
        <source>档案状态</source>
        <translation>Record status</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/editor.py" line="139"/>
        <source>保存档案后可用</source>
        <translation>Available once the record is saved</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/editor.py" line="148"/>
        <source>建档</source>
        <translation>File</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/editor.py" line="148"/>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/editor.py" line="151"/>
        <source>保存（Enter）</source>
        <translation>Save (Enter)</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/editor.py" line="153"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/editor.py" line="155"/>
        <source>取消（Esc）</source>
        <translation>Cancel (Esc)</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/editor.py" line="259"/>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/editor.py" line="260"/>
        <source>现住址</source>
        <translation>Current address</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/editor.py" line="261"/>
        <source>户籍地址</source>
        <translation>Registered address</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/editor.py" line="262"/>
        <source>联系电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/editor.py" line="262"/>
        <source>手机 11 位，或固定电话</source>
        <translation>mobile (11 digits) or landline</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/editor.py" line="268"/>
        <source>乡镇（街道）名称</source>
        <translation>Township (street)</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/editor.py" line="270"/>
        <source>村（居）委会名称</source>
        <translation>Village (residents’) committee</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/editor.py" line="272"/>
        <source>建档单位</source>
        <translation>Filed at</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/editor.py" line="273"/>
        <source>建档人</source>
        <translation>Filed by</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/editor.py" line="275"/>
        <source>（未指定）</source>
        <translation>(not assigned)</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/editor.py" line="278"/>
        <source>责任医生</source>
        <translation>Responsible doctor</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/editor.py" line="279"/>
        <source>建档日期</source>
        <translation>Filing date</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/editor.py" line="301"/>
        <source>身份证号</source>
        <translation>ID number</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/editor.py" line="303"/>
        <source>性别</source>
        <translation>Sex</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/editor.py" line="304"/>
        <source>出生日期</source>
        <translation>Date of birth</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/editor.py" line="310"/>
        <source>工作单位</source>
        <translation>Employer</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/editor.py" line="311"/>
        <source>联系人姓名</source>
        <translation>Contact person</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/editor.py" line="312"/>
        <source>联系人电话</source>
        <translation>Contact phone</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/editor.py" line="307"/>
        <source>常住类型</source>
        <translation>Residence type</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/editor.py" line="305"/>
        <source>民族</source>
        <translation>Ethnicity</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/editor.py" line="306"/>
        <source>少数民族名称</source>
        <translation>Minority name</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/editor.py" line="330"/>
        <source>文化程度</source>
        <translation>Education</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/editor.py" line="331"/>
        <source>职业</source>
        <translation>Occupation</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/editor.py" line="332"/>
        <source>婚姻状况</source>
        <translation>Marital status</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/editor.py" line="372"/>
        <source>药物过敏史</source>
        <translation>Drug allergies</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/editor.py" line="373"/>
        <source>暴露史</source>
        <translation>Exposures</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/editor.py" line="417"/>
        <source>遗传病史</source>
        <translation>Hereditary disease</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/editor.py" line="418"/>
        <source>遗传病名称</source>
        <translation>Hereditary disease name</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/editor.py" line="421"/>
        <location filename="../../src/chc_desktop/ui/residents/editor.py" line="423"/>
        <source>残疾情况</source>
        <translation>Disabilities</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/editor.py" line="340"/>
        <source>厨房排风设施</source>
        <translation>Kitchen exhaust</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/editor.py" line="128"/>
        <location filename="../../src/chc_desktop/ui/residents/editor.py" line="135"/>
        <source>签约</source>
        <translation>Contract</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/editor.py" line="254"/>
        <source>建档时自动分配</source>
        <translation>assigned when filed</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/editor.py" line="258"/>
        <source>档案编号</source>
        <translation>Record number</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/editor.py" line="260"/>
        <source>路、弄、号、室</source>
        <translation>road, lane, number, room</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/editor.py" line="264"/>
        <source>（请选择街道）</source>
        <translation>(choose the street)</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/editor.py" line="279"/>
        <source>如 2026-01-31</source>
        <translation>e.g. 2026-01-31</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/editor.py" line="299"/>
        <source>身份</source>
        <translation>Identity</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/editor.py" line="301"/>
        <source>18 位；填写后自动带出出生日期和性别</source>
        <translation>18 characters; fills in date of birth and sex</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/editor.py" line="304"/>
        <source>如 1949-01-01 或 19490101</source>
        <translation>e.g. 1949-01-01 or 19490101</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/editor.py" line="306"/>
        <source>如 回族</source>
        <translation>e.g. 回族 (Hui)</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/editor.py" line="308"/>
        <source>工作与联系人</source>
        <translation>Work and contact</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/editor.py" line="310"/>
        <source>退休者写原单位；无工作写“无”</source>
        <translation>retired: last employer; none: write “无”</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/editor.py" line="313"/>
        <source>其他</source>
        <translation>Other</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/editor.py" line="329"/>
        <source>血型</source>
        <translation>Blood type</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/editor.py" line="333"/>
        <source>医疗费用
支付方式</source>
        <translation>Payment of
medical costs</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/editor.py" line="334"/>
        <source>最多选 3 项</source>
        <translation>up to 3</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/editor.py" line="337"/>
        <source>生活环境（农村地区填写）</source>
        <translation>Living conditions (rural areas)</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/editor.py" line="341"/>
        <source>燃料类型</source>
        <translation>Fuel</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/editor.py" line="342"/>
        <source>饮水</source>
        <translation>Drinking water</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/editor.py" line="343"/>
        <source>厕所</source>
        <translation>Toilet</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/editor.py" line="344"/>
        <source>禽畜栏</source>
        <translation>Livestock pen</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/editor.py" line="370"/>
        <source>过敏与暴露</source>
        <translation>Allergies and exposures</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/editor.py" line="379"/>
        <source>疾病</source>
        <translation>Diseases</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/editor.py" line="380"/>
        <source>手术</source>
        <translation>Operations</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/editor.py" line="381"/>
        <source>外伤</source>
        <translation>Injuries</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/editor.py" line="382"/>
        <source>输血</source>
        <translation>Transfusions</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/editor.py" line="405"/>
        <source>疾病须经一级及以上医院确诊；恶性肿瘤写明部位，职业病写明名称。最多填写 6 项疾病。</source>
        <translation>Diseases must be diagnosed by a level-1 hospital or above; give the site of a cancer and the name of an occupational disease. At most 6 diseases.</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/editor.py" line="412"/>
        <source>家族史与遗传病史</source>
        <translation>Family and hereditary history</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/editor.py" line="416"/>
        <source>家族史</source>
        <translation>Family history</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/editor.py" line="480"/>
        <source>（请选择居委会）</source>
        <translation>(choose the committee)</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/editor.py" line="480"/>
        <source>（请先选择街道）</source>
        <translation>(choose the street first)</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/editor.py" line="573"/>
        <source>%1&#x3000;%2&#x3000;%3 岁&#x3000;&#x3000;%4&#x3000;&#x3000;%5</source>
        <translation>%1  %2  %3 years    %4    %5</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/editor.py" line="605"/>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/editor.py" line="706"/>
        <source>有未保存的修改。放弃这些修改吗？</source>
        <translation>There are unsaved changes. Discard them?</translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/chc_desktop/ui/residents/editor.py" line="539"/>
        <source>有 %n 处需要修改</source>
        <translation>
            <numerusform>%n thing to correct</numerusform>
            <numerusform>%n things to correct</numerusform>
        </translation>
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
        <location filename="../../src/chc_desktop/ui/admin/settings_page.py" line="64"/>
        <source>是</source>
        <translation>Yes</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/admin/settings_page.py" line="64"/>
        <source>否</source>
        <translation>No</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <location filename="../../src/chc_desktop/ui/admin/settings_page.py" line="153"/>
        <source>双击“值”或按 F2 修改。加粗的值与默认值不同。这些是各地可能不同的政策参数；修改会记入审计日志。</source>
        <translation>Double-click a value or press F2 to change it. Bold values differ from the default. These policy parameters may differ between places; changes go into the audit trail.</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/admin/settings_page.py" line="159"/>
        <source>恢复默认值</source>
        <translation>Restore default</translation>
    </message>
</context>
<context>
    <name>SignDialog</name>
    <message>
        <location filename="../../src/chc_desktop/ui/contracts/dialogs.py" line="57"/>
        <source>家庭医生签约</source>
        <translation>Family-doctor contract</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/contracts/dialogs.py" line="57"/>
        <source>家庭签约</source>
        <translation>Household contract</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/contracts/dialogs.py" line="57"/>
        <location filename="../../src/chc_desktop/ui/contracts/dialogs.py" line="129"/>
        <source>改签</source>
        <translation>Switch team</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/contracts/dialogs.py" line="79"/>
        <source>%1（%2元：补贴 %3，自付 %4）</source>
        <translation>%1 (%2 yuan: subsidy %3, self-pay %4)</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/contracts/dialogs.py" line="114"/>
        <source>签约团队</source>
        <translation>Team</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/contracts/dialogs.py" line="115"/>
        <source>签约医生</source>
        <translation>Doctor</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/contracts/dialogs.py" line="116"/>
        <source>改签生效日期</source>
        <translation>Switch takes effect on</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/contracts/dialogs.py" line="116"/>
        <source>开始日期</source>
        <translation>Start date</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/contracts/dialogs.py" line="118"/>
        <source>结束日期</source>
        <translation>End date</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/contracts/dialogs.py" line="119"/>
        <source>服务包</source>
        <translation>Packages</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/contracts/dialogs.py" line="120"/>
        <source>费用</source>
        <translation>Fee</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/contracts/dialogs.py" line="121"/>
        <source>区级医院（1+1+1）</source>
        <translation>District hospital (1+1+1)</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/contracts/dialogs.py" line="123"/>
        <source>市级医院（1+1+1）</source>
        <translation>Municipal hospital (1+1+1)</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/contracts/dialogs.py" line="125"/>
        <source>签约方式</source>
        <translation>How signed</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/contracts/dialogs.py" line="129"/>
        <source>签约</source>
        <translation>Sign</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/contracts/dialogs.py" line="129"/>
        <source>全家签约</source>
        <translation>Sign household</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/contracts/dialogs.py" line="130"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/contracts/dialogs.py" line="152"/>
        <source>家庭中尚未签约、档案在册的成员将一并签约；已签约的成员保持不变。</source>
        <translation>Household members on the register without a contract are signed together; members already signed are left as they are.</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/contracts/dialogs.py" line="155"/>
        <source>原签约：%1，%2 至 %3。改签后原签约于生效日期前一天结束。</source>
        <translation>Current contract: %1, %2 to %3. It ends the day before the switch takes effect.</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/contracts/dialogs.py" line="160"/>
        <source>每位居民同一时间只能签约一个家庭医生团队。</source>
        <translation>A resident can be signed with only one family-doctor team at a time.</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/contracts/dialogs.py" line="165"/>
        <source>（不选）</source>
        <translation>(none)</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/contracts/dialogs.py" line="208"/>
        <source>合计 %1 元，其中财政补贴/医保 %2 元，居民自付 %3 元</source>
        <translation>Total %1 yuan: subsidy/insurance %2 yuan, resident pays %3 yuan</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/contracts/dialogs.py" line="229"/>
        <source>请先由管理员建立家庭医生团队</source>
        <translation>An administrator must first create a family-doctor team</translation>
    </message>
</context>
<context>
    <name>StatusTab</name>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/file_tabs.py" line="368"/>
        <source>迁往的地址或机构，档案交接情况</source>
        <translation>new address or institution, and how the record was handed over</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/file_tabs.py" line="373"/>
        <source>更新档案状态</source>
        <translation>Change record status</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/file_tabs.py" line="377"/>
        <source>当前状态</source>
        <translation>Current status</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/file_tabs.py" line="378"/>
        <source>改为</source>
        <translation>Change to</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/file_tabs.py" line="379"/>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/file_tabs.py" line="380"/>
        <source>失访原因</source>
        <translation>Reason lost to follow-up</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/file_tabs.py" line="381"/>
        <source>死亡原因</source>
        <translation>Cause of death</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/file_tabs.py" line="382"/>
        <source>迁往何处</source>
        <translation>Moved to</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/file_tabs.py" line="385"/>
        <source>健康档案不会被删除：失访、死亡、迁出的档案仍可查阅，也可恢复为在册。</source>
        <translation>Health records are never deleted: records of residents lost to follow-up, dead or moved away can still be read, and can be reopened.</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/file_tabs.py" line="406"/>
        <source>死亡原因：</source>
        <translation>Cause of death: </translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/file_tabs.py" line="407"/>
        <source>迁往：</source>
        <translation>Moved to: </translation>
    </message>
</context>
<context>
    <name>SyncController</name>
    <message>
        <location filename="../../src/chc_desktop/ui/sync/controller.py" line="172"/>
        <source>中心同步凭据</source>
        <translation>Hub token</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/sync/controller.py" line="175"/>
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
        <location filename="../../src/chc_desktop/ui/sync/sync_page.py" line="44"/>
        <source>正在下载中心的修改</source>
        <translation>Receiving the hub&apos;s changes</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/sync/sync_page.py" line="45"/>
        <source>正在核对两边数据</source>
        <translation>Checking both sides agree</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/sync/sync_page.py" line="63"/>
        <source>立即同步 (F9)</source>
        <translation>Sync now (F9)</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/sync/sync_page.py" line="66"/>
        <source>停止</source>
        <translation>Stop</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/sync/sync_page.py" line="69"/>
        <source>连接中心…</source>
        <translation>Connect to hub…</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/sync/sync_page.py" line="92"/>
        <source>处理冲突…</source>
        <translation>Resolve conflict…</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/sync/sync_page.py" line="90"/>
        <location filename="../../src/chc_desktop/ui/sync/sync_page.py" line="95"/>
        <location filename="../../src/chc_desktop/ui/sync/sync_page.py" line="100"/>
        <source>打开档案</source>
        <translation>Open file</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/sync/sync_page.py" line="87"/>
        <source>保留所选档案，合并同组其他档案…</source>
        <translation>Keep the selected file and merge the others of its group…</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/sync/sync_page.py" line="97"/>
        <source>修正后重新发送</source>
        <translation>Send again after fixing</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/sync/sync_page.py" line="107"/>
        <source>同步记录</source>
        <translation>Sync log</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/sync/sync_page.py" line="110"/>
        <source>疑似重复档案</source>
        <translation>Suspected duplicates</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/sync/sync_page.py" line="160"/>
        <source>冲突（%1）</source>
        <translation>Conflicts (%1)</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/sync/sync_page.py" line="161"/>
        <source>被拒收（%1）</source>
        <translation>Refused (%1)</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/sync/sync_page.py" line="181"/>
        <source>正在查找疑似重复档案…</source>
        <translation>Looking for suspected duplicate files…</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/sync/sync_page.py" line="189"/>
        <source>疑似重复档案（%1 组）</source>
        <translation>Suspected duplicates (%1 groups)</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/sync/sync_page.py" line="198"/>
        <source>本工作站单机使用，未连接中心</source>
        <translation>This workstation works on its own, not connected to a hub</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/sync/sync_page.py" line="199"/>
        <source>由管理员登记本工作站并连接中心后，数据会自动与中心同步。</source>
        <translation>Once an administrator enrols this workstation and connects it to the hub, data syncs with the hub automatically.</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/sync/sync_page.py" line="202"/>
        <source>在线</source>
        <translation>online</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/sync/sync_page.py" line="202"/>
        <source>离线</source>
        <translation>offline</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/sync/sync_page.py" line="202"/>
        <source>尚未同步</source>
        <translation>not synced yet</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/sync/sync_page.py" line="203"/>
        <source>中心 %1 · %2</source>
        <translation>Hub %1 · %2</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/sync/sync_page.py" line="204"/>
        <source>从未</source>
        <translation>never</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/sync/sync_page.py" line="206"/>
        <source>上次成功同步：%1；待上传 %2 条；被拒收 %3 条；未处理冲突 %4 个。</source>
        <translation>Last successful sync: %1; %2 changes waiting; %3 refused; %4 open conflicts.</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/sync/sync_page.py" line="220"/>
        <source>正在同步…</source>
        <translation>Syncing…</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/sync/sync_page.py" line="229"/>
        <source>同步完成：</source>
        <translation>Sync finished: </translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/sync/sync_page.py" line="229"/>
        <source>同步未完成：</source>
        <translation>Sync did not finish: </translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/sync/sync_page.py" line="253"/>
        <source>冲突已处理，结果将在下次同步时发送到中心。</source>
        <translation>Conflict resolved; the result goes to the hub at the next sync.</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/sync/sync_page.py" line="265"/>
        <source>已重新排队，将在下次同步时发送。</source>
        <translation>Queued again; it will be sent at the next sync.</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/sync/sync_page.py" line="282"/>
        <source>保留 %1（%2），把同组另外 %3 份档案的既往史、家庭等记录移入，并注销它们（记入审计）。</source>
        <translation>Keep %1 (%2): move the history, household and other records of the %3 other files of the group into it and close them (audited).</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/sync/sync_page.py" line="288"/>
        <source>合并重复档案</source>
        <translation>Merge duplicate files</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/sync/sync_page.py" line="296"/>
        <source>已合并到 %1 的档案。</source>
        <translation>Merged into the file of %1.</translation>
    </message>
</context>
<context>
    <name>SyncStatusLabel</name>
    <message>
        <location filename="../../src/chc_desktop/ui/sync/controller.py" line="198"/>
        <source>单机使用（未连接中心）</source>
        <translation>Standalone (no hub)</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/sync/controller.py" line="203"/>
        <source>● 正在同步</source>
        <translation>● Syncing</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/sync/controller.py" line="205"/>
        <source>● 在线</source>
        <translation>● Online</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/sync/controller.py" line="207"/>
        <source>○ 尚未同步</source>
        <translation>○ Not synced yet</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/sync/controller.py" line="209"/>
        <source>○ 离线</source>
        <translation>○ Offline</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/sync/controller.py" line="212"/>
        <source>上次同步 %1</source>
        <translation>last sync %1</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/sync/controller.py" line="213"/>
        <source>待上传 %1</source>
        <translation>%1 waiting</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/sync/controller.py" line="215"/>
        <source>被拒 %1</source>
        <translation>%1 refused</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/sync/controller.py" line="217"/>
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
        <location filename="../../src/chc_desktop/ui/contracts/dialogs.py" line="252"/>
        <location filename="../../src/chc_desktop/ui/contracts/dialogs.py" line="285"/>
        <source>解约</source>
        <translation>Terminate</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/contracts/dialogs.py" line="259"/>
        <source>（请选择）</source>
        <translation>(choose)</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/contracts/dialogs.py" line="269"/>
        <source>%1，%2 至 %3</source>
        <translation>%1, %2 to %3</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/contracts/dialogs.py" line="274"/>
        <source>签约</source>
        <translation>Contract</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/contracts/dialogs.py" line="275"/>
        <source>解约原因</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/contracts/dialogs.py" line="276"/>
        <source>解约日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/contracts/dialogs.py" line="277"/>
        <source>说明</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/contracts/dialogs.py" line="278"/>
        <source>居民死亡时无需在此解约：在档案状态中登记死亡，签约会自动终止。</source>
        <translation>No need to terminate here when a resident dies: record the death in the file&apos;s status and the contract ends by itself.</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/contracts/dialogs.py" line="285"/>
        <source>取消</source>
        <translation>Cancel</translation>
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
        <location filename="../../src/chc_desktop/ui/admin/users_page.py" line="40"/>
        <source>用户名</source>
        <translation>User name</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/admin/users_page.py" line="41"/>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/admin/users_page.py" line="42"/>
        <source>角色</source>
        <translation>Role</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/admin/users_page.py" line="43"/>
        <source>所属机构</source>
        <translation>Site</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/admin/users_page.py" line="44"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/admin/users_page.py" line="79"/>
        <source>启用</source>
        <translation>Active</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/admin/users_page.py" line="79"/>
        <source>已停用</source>
        <translation>Disabled</translation>
    </message>
</context>
<context>
    <name>UsersPage</name>
    <message>
        <location filename="../../src/chc_desktop/ui/admin/users_page.py" line="226"/>
        <source>添加用户…</source>
        <translation>Add user…</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/admin/users_page.py" line="229"/>
        <source>重设密码…</source>
        <translation>Reset password…</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/admin/users_page.py" line="232"/>
        <location filename="../../src/chc_desktop/ui/admin/users_page.py" line="255"/>
        <source>停用</source>
        <translation>Disable</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/admin/users_page.py" line="255"/>
        <source>启用</source>
        <translation>Enable</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/admin/users_page.py" line="278"/>
        <source>重设密码</source>
        <translation>Reset password</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/admin/users_page.py" line="278"/>
        <source>已重设 %1 的密码。</source>
        <translation>The password of %1 has been reset.</translation>
    </message>
</context>
<context>
    <name>Workbench</name>
    <message>
        <location filename="../../src/chc_desktop/ui/workbench/models.py" line="35"/>
        <source>名称</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/workbench/models.py" line="36"/>
        <source>在册人数</source>
        <translation>On register</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/workbench/models.py" line="37"/>
        <source>已签约</source>
        <translation>Signed</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/workbench/models.py" line="38"/>
        <source>签约率</source>
        <translation>Coverage</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/workbench/models.py" line="39"/>
        <source>距目标（人）</source>
        <translation>Short of target</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/workbench/models.py" line="40"/>
        <source>重点人群</source>
        <translation>Key populations</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/workbench/models.py" line="41"/>
        <source>重点人群已签约</source>
        <translation>Key signed</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/workbench/models.py" line="42"/>
        <source>重点人群签约率</source>
        <translation>Key coverage</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/workbench/models.py" line="43"/>
        <source>距目标（人） </source>
        <translation>Key short of target</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/workbench/models.py" line="44"/>
        <source>在约签约数</source>
        <translation>Contracts in force</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/workbench/models.py" line="65"/>
        <source>到期日期</source>
        <translation>Ends</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/workbench/models.py" line="66"/>
        <source>剩余天数</source>
        <translation>Days left</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/workbench/models.py" line="67"/>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/workbench/models.py" line="69"/>
        <source>性别</source>
        <translation>Sex</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/workbench/models.py" line="72"/>
        <source>年龄</source>
        <translation>Age</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/workbench/models.py" line="73"/>
        <source>联系电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/workbench/models.py" line="74"/>
        <source>签约团队</source>
        <translation>Team</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/workbench/models.py" line="75"/>
        <source>签约医生</source>
        <translation>Doctor</translation>
    </message>
</context>
<context>
    <name>WorkbenchPage</name>
    <message>
        <location filename="../../src/chc_desktop/ui/workbench/workbench_page.py" line="73"/>
        <source>工作台</source>
        <translation>Workbench</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/workbench/workbench_page.py" line="75"/>
        <location filename="../../src/chc_desktop/ui/workbench/workbench_page.py" line="160"/>
        <source>正在统计…</source>
        <translation>Counting…</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/workbench/workbench_page.py" line="78"/>
        <source>刷新</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/workbench/workbench_page.py" line="79"/>
        <source>导出 Excel…</source>
        <translation>Export to Excel…</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/workbench/workbench_page.py" line="80"/>
        <source>把当前页签的列表导出为 Excel 文件</source>
        <translation>Export the list of the current tab to an Excel file</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/workbench/workbench_page.py" line="101"/>
        <source>签约覆盖率：</source>
        <translation>Coverage:</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/workbench/workbench_page.py" line="102"/>
        <source>按中心</source>
        <translation>By centre</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/workbench/workbench_page.py" line="102"/>
        <source>按团队</source>
        <translation>By team</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/workbench/workbench_page.py" line="102"/>
        <source>按医生</source>
        <translation>By doctor</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/workbench/workbench_page.py" line="132"/>
        <source>覆盖率明细</source>
        <translation>Coverage detail</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/workbench/workbench_page.py" line="133"/>
        <source>重点人群中尚未签约的居民（应签尽签）</source>
        <translation>Key-population residents not yet signed</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/workbench/workbench_page.py" line="134"/>
        <source>与我所在团队签约、签约在有效期内的居民</source>
        <translation>Residents with a contract in force with my team</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/workbench/workbench_page.py" line="172"/>
        <source>统计失败：%1</source>
        <translation>Counting failed: %1</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/workbench/workbench_page.py" line="188"/>
        <source>全人群签约率 %1（目标 %2%）</source>
        <translation>Coverage, all: %1 (target %2%)</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/workbench/workbench_page.py" line="194"/>
        <source>重点人群签约率 %1（目标 %2%）</source>
        <translation>Coverage, key populations: %1 (target %2%)</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/workbench/workbench_page.py" line="200"/>
        <source>统计日期 %1</source>
        <translation>Counted on %1</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/workbench/workbench_page.py" line="202"/>
        <source>；%1 位居民同时有两份在约签约（多站离线签约），请在其档案中解约其一</source>
        <translation>; %1 residents hold two contracts in force (signed offline at two stations): terminate one in the file</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/workbench/workbench_page.py" line="210"/>
        <source>，已达标</source>
        <translation>, target met</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/workbench/workbench_page.py" line="210"/>
        <source>，尚差 %1 人</source>
        <translation>, %1 short</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/workbench/workbench_page.py" line="217"/>
        <source>%1 天内到期</source>
        <translation>Ending within %1 days</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/workbench/workbench_page.py" line="218"/>
        <source>应签未签</source>
        <translation>Not yet signed</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/workbench/workbench_page.py" line="219"/>
        <location filename="../../src/chc_desktop/ui/workbench/workbench_page.py" line="248"/>
        <source>我的签约居民</source>
        <translation>My residents</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/workbench/workbench_page.py" line="246"/>
        <source>即将到期的签约</source>
        <translation>Contracts ending soon</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/workbench/workbench_page.py" line="247"/>
        <source>应签未签重点人群</source>
        <translation>Key populations not yet signed</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/workbench/workbench_page.py" line="249"/>
        <source>签约覆盖率</source>
        <translation>Coverage</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/workbench/workbench_page.py" line="251"/>
        <source>导出%1</source>
        <translation>Export %1</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/workbench/workbench_page.py" line="267"/>
        <source>已导出 %1 行到 %2</source>
        <translation>Exported %1 rows to %2</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/workbench/workbench_page.py" line="271"/>
        <source>正在导出…</source>
        <translation>Exporting…</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <location filename="../../src/chc_desktop/ui/app.py" line="86"/>
        <source>正在生成演示数据（%1 位虚构居民）…</source>
        <translation>Building demo data (%1 fictitious residents)…</translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/app.py" line="96"/>
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
        <location filename="../../src/chc_desktop/ui/widgets.py" line="288"/>
        <source>Excel 文件 (*.xlsx)</source>
        <translation>Excel files (*.xlsx)</translation>
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
