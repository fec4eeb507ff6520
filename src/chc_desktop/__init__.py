"""CHC Desktop — 社区卫生服务中心桌面工作站."""

__version__ = "0.1.0"
