<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>CodeCombo</name>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/fields.py" line="20"/>
        <source>（未填）</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DuplicateDialog</name>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/editor.py" line="676"/>
        <source>可能已建档</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/editor.py" line="690"/>
        <source>打开已有档案</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/editor.py" line="694"/>
        <source>不是同一人，继续建档</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/editor.py" line="696"/>
        <source>返回修改</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FirstAdminDialog</name>
    <message>
        <location filename="../../src/chc_desktop/ui/login.py" line="71"/>
        <source>创建管理员账户</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/login.py" line="72"/>
        <source>这是一个新的数据库。请创建第一个管理员账户，之后由管理员为医生、护士和助理开设账户。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/login.py" line="89"/>
        <source>用户名</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/login.py" line="90"/>
        <source>姓名</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/login.py" line="91"/>
        <source>密码（至少 8 位，含字母和数字）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/login.py" line="92"/>
        <source>再次输入密码</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/login.py" line="94"/>
        <source>创建</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/login.py" line="106"/>
        <source>两次输入的密码不一致</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>GlobalSearch</name>
    <message>
        <location filename="../../src/chc_desktop/ui/search_box.py" line="49"/>
        <source>查找居民（Ctrl+F）：姓名、拼音首字母、身份证号、电话后4位、档案编号</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/search_box.py" line="70"/>
        <source>没有找到。可输入姓名、拼音、身份证号、电话或档案编号。</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/chc_desktop/ui/search_box.py" line="72"/>
        <source>结果较多，只显示前 %n 条，请输入更多内容</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/chc_desktop/ui/search_box.py" line="74"/>
        <source>找到 %n 人；方向键选择，回车打开</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HistoryList</name>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/editor.py" line="124"/>
        <source>添加一条</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HistoryRow</name>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/editor.py" line="82"/>
        <source>名称/部位/原因</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/editor.py" line="87"/>
        <source>年份</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/editor.py" line="88"/>
        <source> 年</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/editor.py" line="91"/>
        <source>月份</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/editor.py" line="92"/>
        <source> 月</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/editor.py" line="96"/>
        <source>删除</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <location filename="../../src/chc_desktop/ui/login.py" line="18"/>
        <source>登录 — 社区卫生服务中心桌面工作站</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/login.py" line="28"/>
        <source>社区卫生服务中心桌面工作站</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/login.py" line="31"/>
        <source>用户名</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/login.py" line="32"/>
        <source>密码</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/login.py" line="34"/>
        <source>登录</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/login.py" line="35"/>
        <source>退出</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/login.py" line="44"/>
        <source>演示数据库。演示账户：%1；密码均为 demo1234</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../src/chc_desktop/ui/main_window.py" line="35"/>
        <source>社区卫生服务中心桌面工作站</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/main_window.py" line="45"/>
        <source>居民</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/main_window.py" line="47"/>
        <source>管理：用户</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/main_window.py" line="49"/>
        <source>管理：设置</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/main_window.py" line="63"/>
        <source>查找</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/main_window.py" line="81"/>
        <source>文件(&amp;F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/main_window.py" line="82"/>
        <source>居民(&amp;R)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/main_window.py" line="83"/>
        <source>帮助(&amp;H)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/main_window.py" line="84"/>
        <source>新建档案</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/main_window.py" line="88"/>
        <source>查找居民</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/main_window.py" line="90"/>
        <source>刷新列表</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/main_window.py" line="91"/>
        <source>退出</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/main_window.py" line="92"/>
        <location filename="../../src/chc_desktop/ui/main_window.py" line="142"/>
        <source>关于</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/main_window.py" line="110"/>
        <source>未指定机构</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/main_window.py" line="112"/>
        <source>数据库：%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/main_window.py" line="142"/>
        <source>社区卫生服务中心桌面工作站 %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MultiCodePicker</name>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/fields.py" line="55"/>
        <source>选“其他”时请写明</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ResidentEditor</name>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/editor.py" line="160"/>
        <source>新建居民健康档案</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/editor.py" line="160"/>
        <source>居民健康档案</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/editor.py" line="172"/>
        <source>封面</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/editor.py" line="173"/>
        <source>基本信息</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/editor.py" line="175"/>
        <source>既往史</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/editor.py" line="177"/>
        <source>家庭</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/editor.py" line="178"/>
        <location filename="../../src/chc_desktop/ui/residents/editor.py" line="361"/>
        <source>重点人群</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/editor.py" line="179"/>
        <source>档案状态</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/editor.py" line="184"/>
        <source>保存（Enter）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/editor.py" line="185"/>
        <source>取消（Esc）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/editor.py" line="240"/>
        <source>保存后自动分配</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/editor.py" line="243"/>
        <source>编号</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/editor.py" line="244"/>
        <location filename="../../src/chc_desktop/ui/residents/editor.py" line="335"/>
        <source>姓名</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/editor.py" line="245"/>
        <source>现住址</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/editor.py" line="246"/>
        <source>户籍地址</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/editor.py" line="247"/>
        <source>联系电话</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/editor.py" line="247"/>
        <source>手机 11 位，或固定电话</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/editor.py" line="250"/>
        <location filename="../../src/chc_desktop/ui/residents/editor.py" line="466"/>
        <source>（请选择）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/editor.py" line="254"/>
        <source>乡镇（街道）名称</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/editor.py" line="258"/>
        <source>村（居）委会名称</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/editor.py" line="259"/>
        <source>建档单位</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/editor.py" line="259"/>
        <source>（本机构）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/editor.py" line="260"/>
        <source>建档人</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/editor.py" line="264"/>
        <source>（未指定）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/editor.py" line="268"/>
        <source>责任医生</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/editor.py" line="269"/>
        <source>建档日期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/editor.py" line="275"/>
        <source>身份证号</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/editor.py" line="275"/>
        <source>18 位，输入后自动填出生日期和性别</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/editor.py" line="276"/>
        <location filename="../../src/chc_desktop/ui/residents/editor.py" line="335"/>
        <source>性别</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/editor.py" line="277"/>
        <source>出生日期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/editor.py" line="278"/>
        <source>工作单位</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/editor.py" line="279"/>
        <source>联系人姓名</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/editor.py" line="280"/>
        <source>联系人电话</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/editor.py" line="281"/>
        <source>常住类型</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/editor.py" line="281"/>
        <source>民族</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/editor.py" line="283"/>
        <source>少数民族名称</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/editor.py" line="284"/>
        <source>血型（ABO）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/editor.py" line="284"/>
        <source>血型（RH）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/editor.py" line="285"/>
        <source>文化程度</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/editor.py" line="285"/>
        <source>职业</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/editor.py" line="286"/>
        <source>婚姻状况</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/editor.py" line="288"/>
        <source>医疗费用支付方式（最多 3 项）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/editor.py" line="295"/>
        <source>药物过敏史</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/editor.py" line="296"/>
        <source>暴露史</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/editor.py" line="298"/>
        <source>既往史：疾病</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/editor.py" line="298"/>
        <source>既往史：手术</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/editor.py" line="299"/>
        <source>既往史：外伤</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/editor.py" line="299"/>
        <source>既往史：输血</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/editor.py" line="317"/>
        <source>家族史：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/editor.py" line="321"/>
        <source>家族史：其他疾病名称</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/editor.py" line="322"/>
        <source>遗传病史</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/editor.py" line="323"/>
        <source>遗传病名称</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/editor.py" line="324"/>
        <source>残疾情况</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/editor.py" line="325"/>
        <source>厨房排风设施</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/editor.py" line="325"/>
        <source>燃料类型</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/editor.py" line="326"/>
        <source>饮水</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/editor.py" line="326"/>
        <source>厕所</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/editor.py" line="326"/>
        <source>禽畜栏</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/editor.py" line="335"/>
        <location filename="../../src/chc_desktop/ui/residents/editor.py" line="350"/>
        <source>与户主关系</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/editor.py" line="335"/>
        <source>年龄</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/editor.py" line="343"/>
        <source>加入谁的家庭：输入其档案编号或身份证号</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/editor.py" line="344"/>
        <source>新建家庭（本人为户主）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/editor.py" line="346"/>
        <source>加入该居民的家庭</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/editor.py" line="348"/>
        <source>移出家庭</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/editor.py" line="361"/>
        <source>来源</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/editor.py" line="361"/>
        <source>起始日期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/editor.py" line="361"/>
        <source>备注</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/editor.py" line="375"/>
        <source>依据，如低保证号、孕产妇建册</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/editor.py" line="376"/>
        <source>标记</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/editor.py" line="378"/>
        <source>结束所选标记</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/editor.py" line="383"/>
        <source>年龄类人群按出生日期自动判断；高血压、糖尿病、严重精神障碍、肺结核、残疾由档案自动判断。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/editor.py" line="395"/>
        <source>当前状态</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/editor.py" line="407"/>
        <source>改为</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/editor.py" line="408"/>
        <source>日期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/editor.py" line="409"/>
        <source>原因（失访必填）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/editor.py" line="410"/>
        <source>死亡原因（死亡必填）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/editor.py" line="411"/>
        <source>迁往何处（迁出必填）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/editor.py" line="412"/>
        <source>更新档案状态</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/editor.py" line="417"/>
        <source>档案不会被删除：失访、死亡、迁出的档案仍可查阅，也可恢复为在册。</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/chc_desktop/ui/residents/editor.py" line="502"/>
        <source>有 %n 处需要修改</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/editor.py" line="559"/>
        <source>有未保存的修改，确定放弃吗？</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/editor.py" line="597"/>
        <source>请输入对方完整的档案编号或身份证号</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/editor.py" line="609"/>
        <source>按年龄</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/editor.py" line="609"/>
        <source>按档案</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/editor.py" line="609"/>
        <source>人工标记</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/editor.py" line="610"/>
        <source>导入</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/editor.py" line="633"/>
        <source>请选择一条人工标记的重点人群</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ResidentListPage</name>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/list_page.py" line="63"/>
        <source>全部街道</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/list_page.py" line="68"/>
        <location filename="../../src/chc_desktop/ui/residents/list_page.py" line="104"/>
        <source>全部居委会</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/list_page.py" line="71"/>
        <source>全部人群</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/list_page.py" line="78"/>
        <source>全部状态</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/list_page.py" line="81"/>
        <source>新建档案（Ctrl+N）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/list_page.py" line="84"/>
        <source>街道</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/list_page.py" line="84"/>
        <source>居委会</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/list_page.py" line="85"/>
        <source>重点人群</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/residents/list_page.py" line="85"/>
        <source>状态</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/chc_desktop/ui/residents/list_page.py" line="125"/>
        <source>共 %n 人</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <location filename="../../src/chc_desktop/ui/admin/settings_page.py" line="95"/>
        <source>双击“值”修改。加粗的值与默认值不同。修改会记入审计日志并同步到各工作站。</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>UserListModel</name>
    <message>
        <location filename="../../src/chc_desktop/ui/admin/users_page.py" line="56"/>
        <source>启用</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/admin/users_page.py" line="56"/>
        <source>停用</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>UsersPage</name>
    <message>
        <location filename="../../src/chc_desktop/ui/admin/users_page.py" line="75"/>
        <source>启用/停用所选用户</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/admin/users_page.py" line="77"/>
        <source>重设所选用户的密码</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/admin/users_page.py" line="84"/>
        <source>添加用户</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/admin/users_page.py" line="99"/>
        <source>添加</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/admin/users_page.py" line="102"/>
        <source>用户名</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/admin/users_page.py" line="103"/>
        <source>姓名</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/admin/users_page.py" line="104"/>
        <source>角色</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/admin/users_page.py" line="105"/>
        <source>初始密码</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/admin/users_page.py" line="140"/>
        <source>用户</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/admin/users_page.py" line="147"/>
        <location filename="../../src/chc_desktop/ui/admin/users_page.py" line="154"/>
        <source>重设密码</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/admin/users_page.py" line="147"/>
        <source>%1 的新密码：</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <location filename="../../src/chc_desktop/ui/app.py" line="68"/>
        <source>正在生成演示数据…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/chc_desktop/ui/app.py" line="77"/>
        <source>社区卫生服务中心桌面工作站</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>workers</name>
    <message>
        <location filename="../../src/chc_desktop/ui/workers.py" line="60"/>
        <source>取消</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
